/* atlas-window-actions.c: what the window's buttons, menus and keys do.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-window-private.h"

/* Every action of the window is installed by _atlas_window_class_actions_init
 * and enabled or disabled only by _atlas_window_actions_update. Their
 * accelerators are the application's (atlas-application.c), except the keys
 * a presenter's clicker sends, which are bound here: they must reach the
 * tour before the focused map or list takes them for its own panning and
 * paging, so they are shortcuts of the capture phase, on actions that are
 * enabled only while presenting.
 */

#define TEXT_SCALE_STEP 1.2

/* Browsing ---------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  g_assert (ATLAS_IS_WINDOW (self));

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
  atlas_sidebar_focus_search (self->sidebar);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  g_assert (ATLAS_IS_WINDOW (self));

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
}

static void
show_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  g_assert (ATLAS_IS_WINDOW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
toggle_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  g_assert (ATLAS_IS_WINDOW (self));

  adw_flap_set_reveal_flap (self->detail_flap, !adw_flap_get_reveal_flap (self->detail_flap));
}

static void
open_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _atlas_window_open_id (ATLAS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A geopark's "Show all news" and "Show all places": the sidebar's list,
 * filtered to it.
 */
static void
show_geopark_list_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  const char *page = g_str_equal (action_name, "win.show-geopark-places") ? "places" : "news";

  g_assert (ATLAS_IS_WINDOW (self));

  atlas_browse_filter_set_geopark_id (self->filter, g_variant_get_string (parameter, NULL));
  atlas_sidebar_set_page (self->sidebar, page);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
}

/* Back and forward go through what was opened, the lists' filters with it;
 * an item gone with a reload is skipped.
 */
static void
go_through_history_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  gboolean forward = g_str_equal (action_name, "win.go-forward");
  const char *id;

  g_assert (ATLAS_IS_WINDOW (self));

  while ((id = forward ? atlas_history_go_forward (self->history) :
                         atlas_history_go_back (self->history)) != NULL)
    {
      GObject *item = _atlas_window_lookup_item (self, id);

      if (item != NULL)
        {
          _atlas_window_open_item (self, item, ATLAS_OPEN_MOVE_MAP | ATLAS_OPEN_FILTER);
          return;
        }
    }
}

/* The mouse's own back and forward buttons, wherever the pointer is. */
static void
on_mouse_button_pressed (AtlasWindow     *self,
                         int              n_press,
                         double           x,
                         double           y,
                         GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  g_assert (ATLAS_IS_WINDOW (self));

  if (button != 8 && button != 9)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), button == 8 ? "win.go-back" : "win.go-forward",
                              NULL);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autofree char *joined = _atlas_window_dup_problems_text (self);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  g_assert (ATLAS_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Problems in the Dataset"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Fix these in the dataset’s files; the app reloads them when "
                                 "they are saved."));
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", joined,
                        "selectable", TRUE,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, "problems");
  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "child", label,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 300,
                           NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The shortcuts window is built the first time it is asked for. Under the
 * name gtk/help-overlay.ui, GtkApplication would build it for every new
 * window, before the window's first frame.
 */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/atlas-shortcuts-window.ui");
      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* The map ----------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  g_assert (ATLAS_IS_WINDOW (self));

  if (g_str_equal (action_name, "win.zoom-in"))
    atlas_map_view_zoom_in (self->map_view);
  else
    atlas_map_view_zoom_out (self->map_view);
}

/* The map's actions again, here where the application's shortcuts reach:
 * they act on the window, not on the focused widget. "win.X-map-image"
 * is the map's "map.X-image".
 */
static void
map_image_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *map_action = g_str_equal (action_name, "win.export-map-image") ?
                           "map.export-image" : "map.copy-image";

  gtk_widget_activate_action (GTK_WIDGET (ATLAS_WINDOW (widget)->map_view), map_action, NULL);
}

/* Presenting -------------------------------------------------------------- */

/* F5, the header bar's button and --present: on the monitor the window is
 * on; win.present-on-monitor picks another (by its number).
 */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *monitor = NULL;

  g_assert (ATLAS_IS_WINDOW (self));

  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget), surface);
  atlas_presenter_toggle (self->presenter, monitor);
}

static void
present_on_monitor_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (widget));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, g_variant_get_int32 (parameter));

  atlas_presenter_toggle (ATLAS_WINDOW (widget)->presenter, monitor);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasPresentation *tour = atlas_presenter_get_presentation (ATLAS_WINDOW (widget)->presenter);

  g_return_if_fail (tour != NULL);

  if (g_str_equal (action_name, "present.next"))
    atlas_presentation_next (tour);
  else if (g_str_equal (action_name, "present.previous"))
    atlas_presentation_previous (tour);
  else if (g_str_equal (action_name, "present.first"))
    atlas_presentation_first (tour);
  else
    atlas_presentation_last (tour);
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AtlasPresentation *tour = atlas_presenter_get_presentation (ATLAS_WINDOW (widget)->presenter);

  g_return_if_fail (tour != NULL);

  atlas_presentation_set_blanked (tour, !atlas_presentation_get_blanked (tour));
}

static void
switch_language_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  atlas_presenter_switch_language (ATLAS_WINDOW (widget)->presenter);
}

static void
text_scale_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasPresenter *presenter = ATLAS_WINDOW (widget)->presenter;

  if (g_str_equal (action_name, "present.text-larger"))
    atlas_presenter_scale_text (presenter, TEXT_SCALE_STEP);
  else if (g_str_equal (action_name, "present.text-smaller"))
    atlas_presenter_scale_text (presenter, 1 / TEXT_SCALE_STEP);
  else
    atlas_presenter_scale_text (presenter, 0);
}

static void
stop_presenting_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  atlas_presenter_stop (ATLAS_WINDOW (widget)->presenter);
}

/* The clicker's keys, and the keyboard's for the same, as the shortcuts
 * window lists them. B and L count in capitals too, as a clicker may send
 * them so.
 */
static const struct {
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
} presenting_keys[] = {
  { GDK_KEY_Page_Down, 0, "present.next" },
  { GDK_KEY_KP_Page_Down, 0, "present.next" },
  { GDK_KEY_Right, 0, "present.next" },
  { GDK_KEY_Down, 0, "present.next" },
  { GDK_KEY_space, 0, "present.next" },
  { GDK_KEY_Page_Up, 0, "present.previous" },
  { GDK_KEY_KP_Page_Up, 0, "present.previous" },
  { GDK_KEY_Left, 0, "present.previous" },
  { GDK_KEY_Up, 0, "present.previous" },
  { GDK_KEY_BackSpace, 0, "present.previous" },
  { GDK_KEY_Home, 0, "present.first" },
  { GDK_KEY_End, 0, "present.last" },
  { GDK_KEY_b, 0, "present.blank" },
  { GDK_KEY_b, GDK_SHIFT_MASK, "present.blank" },
  { GDK_KEY_period, 0, "present.blank" },
  { GDK_KEY_l, 0, "present.switch-language" },
  { GDK_KEY_l, GDK_SHIFT_MASK, "present.switch-language" },
  { GDK_KEY_plus, GDK_CONTROL_MASK, "present.text-larger" },
  { GDK_KEY_equal, GDK_CONTROL_MASK, "present.text-larger" },
  { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "present.text-larger" },
  { GDK_KEY_minus, GDK_CONTROL_MASK, "present.text-smaller" },
  { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "present.text-smaller" },
  { GDK_KEY_0, GDK_CONTROL_MASK, "present.text-reset" },
  { GDK_KEY_Escape, 0, "present.stop" },
  { GDK_KEY_F5, 0, "present.stop" },
};

static const char * const presenting_actions[] = {
  "present.next",
  "present.previous",
  "present.first",
  "present.last",
  "present.blank",
  "present.switch-language",
  "present.text-larger",
  "present.text-smaller",
  "present.text-reset",
  "present.stop",
};

/* Installing and updating --------------------------------------------------- */

void
_atlas_window_class_actions_init (AtlasWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-map", NULL, show_map_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-details", NULL, toggle_details_action);
  gtk_widget_class_install_action (widget_class, "win.open-item", "s", open_item_action);
  gtk_widget_class_install_action (widget_class, "win.filter-geopark", "s",
                                   show_geopark_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-geopark-places", "s",
                                   show_geopark_list_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_through_history_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL,
                                   go_through_history_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.export-map-image", NULL,
                                   map_image_action);
  gtk_widget_class_install_action (widget_class, "win.copy-map-image", NULL,
                                   map_image_action);

  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-on-monitor", "i",
                                   present_on_monitor_action);
  gtk_widget_class_install_action (widget_class, "present.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "present.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "present.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "present.last", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "present.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "present.switch-language", NULL,
                                   switch_language_action);
  gtk_widget_class_install_action (widget_class, "present.text-larger", NULL, text_scale_action);
  gtk_widget_class_install_action (widget_class, "present.text-smaller", NULL, text_scale_action);
  gtk_widget_class_install_action (widget_class, "present.text-reset", NULL, text_scale_action);
  gtk_widget_class_install_action (widget_class, "present.stop", NULL, stop_presenting_action);
}

/* What each window needs of its own: the layers menu's setting, and the
 * controllers that turn the clicker's keys and the mouse's back and forward
 * buttons into actions.
 */
void
_atlas_window_actions_init (AtlasWindow *self)
{
  g_autoptr(GAction) basemap = NULL;
  GtkEventController *keys;
  GtkGesture *buttons;

  g_assert (ATLAS_IS_WINDOW (self));
  g_assert (G_IS_SETTINGS (self->settings));

  basemap = g_settings_create_action (self->settings, "basemap");
  g_action_map_add_action (G_ACTION_MAP (self), basemap);

  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (presenting_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (
                                                              presenting_keys[i].keyval,
                                                              presenting_keys[i].modifiers),
                                                            gtk_named_action_new (
                                                              presenting_keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  buttons = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (buttons), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (buttons), GTK_PHASE_CAPTURE);
  g_signal_connect_object (buttons, "pressed", G_CALLBACK (on_mouse_button_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (buttons));

  g_signal_connect_object (self->history, "notify",
                           G_CALLBACK (_atlas_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presenter, "notify::presenting",
                           G_CALLBACK (_atlas_window_actions_update), self, G_CONNECT_SWAPPED);
  _atlas_window_actions_update (self);
}

/* The only place that enables and disables the window's actions. */
void
_atlas_window_actions_update (AtlasWindow *self)
{
  gboolean presenting;

  g_assert (ATLAS_IS_WINDOW (self));

  presenting = atlas_presenter_get_presenting (self->presenter);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 atlas_history_can_go_back (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward",
                                 atlas_history_can_go_forward (self->history));
  for (guint i = 0; i < G_N_ELEMENTS (presenting_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), presenting_actions[i], presenting);
}
