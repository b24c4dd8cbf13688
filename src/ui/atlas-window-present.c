/* atlas-window-present.c: the window's presentation mode.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-caption-card.h"
#include "atlas-i18n.h"
#include "atlas-map-view-private.h"
#include "atlas-window-private.h"

/* Full screen on the chosen monitor, nothing but the map and a caption
 * card, driven by the keys a clicker sends: a tour through the list the
 * sidebar shows (or a geopark's places). The screen stays awake, the
 * pointer hides when idle, B blanks, L switches the language, Escape
 * returns to the window exactly as it was.
 */

#define CURSOR_IDLE_MS 2000
#define TEXT_SCALE_STEP 1.2
/* A room wants to see where a place is, with its surroundings (about
 * 20 km across), not its every rock.
 */
#define PRESENT_MAX_ZOOM 11.0

gboolean
_atlas_window_is_presenting (AtlasWindow *self)
{
  return self->presentation != NULL;
}

static void
restart_auto_advance (AtlasWindow *self);

/* The map frames the step beside the caption card, or above it, whichever
 * leaves it more room.
 */
static void
frame_step (AtlasWindow *self,
            GObject     *item)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->map_view));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map_view));
  int card_min, card_width, card_height;
  GtkBorder insets = { 0, 0, 0, 0 };

  gtk_widget_measure (self->caption_card, GTK_ORIENTATION_HORIZONTAL, -1,
                      &card_min, &card_width, NULL, NULL);
  card_width = MAX (card_min, MIN (card_width, width));
  gtk_widget_measure (self->caption_card, GTK_ORIENTATION_VERTICAL, card_width,
                      NULL, &card_height, NULL, NULL);
  card_width += gtk_widget_get_margin_start (self->caption_card);
  card_height += gtk_widget_get_margin_bottom (self->caption_card);

  if ((double) (width - card_width) * height > (double) width * (height - card_height))
    insets.left = card_width;
  else
    insets.bottom = card_height;

  atlas_map_view_set_fit_insets (self->map_view, &insets);
  atlas_map_view_set_fit_max_zoom (self->map_view, PRESENT_MAX_ZOOM);
  _atlas_window_open_item (self, item, ATLAS_OPEN_MOVE_MAP);
  atlas_map_view_set_fit_max_zoom (self->map_view, 0);
  atlas_map_view_set_fit_insets (self->map_view, NULL);
  self->framed_width = width;
  self->framed_height = height;
}

static GObject *
step_item (AtlasWindow *self)
{
  const char *id = atlas_presentation_get_id (self->presentation);

  return id != NULL ? _atlas_window_lookup_item (self, id) : NULL;
}

/* Shows the tour's current step: the card names it, the map frames it. */
static void
show_step (AtlasWindow *self)
{
  GObject *item = step_item (self);

  if (item != NULL)
    atlas_item_view_set_item (ATLAS_ITEM_VIEW (self->caption_card), item);
  atlas_caption_card_set_step (ATLAS_CAPTION_CARD (self->caption_card),
                               atlas_presentation_get_position (self->presentation),
                               atlas_presentation_get_n_steps (self->presentation));
  gtk_widget_set_visible (self->caption_card, item != NULL);
  if (item != NULL)
    frame_step (self, item);
  restart_auto_advance (self);
}

/* Going full screen, or onto another monitor, changes the map's size after
 * the step was framed: frame it again, at once.
 */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  AtlasWindow *self = user_data;
  GObject *item;

  if (gtk_widget_get_width (widget) == self->framed_width &&
      gtk_widget_get_height (widget) == self->framed_height)
    return G_SOURCE_CONTINUE;

  item = step_item (self);
  if (item != NULL)
    {
      _atlas_map_view_set_animated (self->map_view, FALSE);
      frame_step (self, item);
      _atlas_map_view_set_animated (self->map_view, TRUE);
    }

  return G_SOURCE_CONTINUE;
}

static void
update_blank (AtlasWindow *self)
{
  gtk_widget_set_visible (self->presentation_blank,
                          self->presentation != NULL &&
                          atlas_presentation_get_blanked (self->presentation));
}

static void
update_text_scale (AtlasWindow *self)
{
  atlas_caption_card_set_text_scale (ATLAS_CAPTION_CARD (self->caption_card),
                                     g_settings_get_double (self->settings, "present-text-scale"));
}

static gboolean
auto_advance (gpointer user_data)
{
  AtlasWindow *self = user_data;

  self->advance_timeout_id = 0;
  /* Unattended, the tour goes round. */
  if (!atlas_presentation_next (self->presentation))
    atlas_presentation_first (self->presentation);

  return G_SOURCE_REMOVE;
}

static void
restart_auto_advance (AtlasWindow *self)
{
  guint seconds = g_settings_get_uint (self->settings, "present-auto-advance");

  g_clear_handle_id (&self->advance_timeout_id, g_source_remove);
  if (self->presentation != NULL && seconds > 0)
    self->advance_timeout_id = g_timeout_add_seconds (seconds, auto_advance, self);
}

static gboolean
hide_cursor (gpointer user_data)
{
  AtlasWindow *self = user_data;

  self->cursor_timeout_id = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");

  return G_SOURCE_REMOVE;
}

static void
on_pointer_motion (AtlasWindow *self)
{
  if (self->presentation == NULL)
    return;

  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_clear_handle_id (&self->cursor_timeout_id, g_source_remove);
  self->cursor_timeout_id = g_timeout_add (CURSOR_IDLE_MS, hide_cursor, self);
}

static void
scale_text (AtlasWindow *self,
            double       factor)
{
  double scale = factor > 0 ?
                 g_settings_get_double (self->settings, "present-text-scale") * factor : 1.0;

  g_settings_set_double (self->settings, "present-text-scale", CLAMP (scale, 0.5, 3.0));
}

/* The other language, for a delegation that does not read this one. */
static void
switch_language (AtlasWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  const char *other = atlas_i18n_get_content_language () == ATLAS_LANGUAGE_VI ? "en" : "vi";

  if (application != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (application), "language",
                                    g_variant_new_string (other));
}

/* The clicker's keys, whatever has focus, and only while presenting: the
 * lists keep their own paging otherwise.
 */
static gboolean
on_key_pressed (AtlasWindow           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  AtlasPresentation *presentation = self->presentation;
  gboolean control = (state & GDK_CONTROL_MASK) != 0;

  if (presentation == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_space:
    case GDK_KEY_KP_Page_Down:
      atlas_presentation_next (presentation);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_KP_Page_Up:
      atlas_presentation_previous (presentation);
      return TRUE;

    case GDK_KEY_Home:
      atlas_presentation_first (presentation);
      return TRUE;

    case GDK_KEY_End:
      atlas_presentation_last (presentation);
      return TRUE;

    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      atlas_presentation_set_blanked (presentation, !atlas_presentation_get_blanked (presentation));
      return TRUE;

    case GDK_KEY_l:
    case GDK_KEY_L:
      switch_language (self);
      return TRUE;

    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      if (!control)
        return FALSE;
      scale_text (self, TEXT_SCALE_STEP);
      return TRUE;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      if (!control)
        return FALSE;
      scale_text (self, 1 / TEXT_SCALE_STEP);
      return TRUE;

    case GDK_KEY_0:
      if (!control)
        return FALSE;
      scale_text (self, 0);
      return TRUE;

    case GDK_KEY_Escape:
    case GDK_KEY_F5:
      _atlas_window_stop_presenting (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
set_chrome_visible (AtlasWindow *self,
                    gboolean     visible)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), visible);
  gtk_widget_set_visible (self->sidebar_separator, visible);
  gtk_widget_set_visible (self->content_header, visible);
  gtk_widget_set_child_visible (GTK_WIDGET (self->problems_revealer), visible);
  atlas_map_view_set_presenting (self->map_view, !visible);
}

/* Starts presenting the tour, or goes on with it in a window rebuilt in
 * another language. The tour remembers how to come back.
 */
void
_atlas_window_present (AtlasWindow       *self,
                       AtlasPresentation *presentation,
                       GdkMonitor        *monitor)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_return_if_fail (ATLAS_IS_PRESENTATION (presentation));

  g_set_object (&self->presentation, presentation);
  g_signal_connect_object (presentation, "notify::position",
                           G_CALLBACK (show_step), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "notify::blanked",
                           G_CALLBACK (update_blank), self, G_CONNECT_SWAPPED);

  set_chrome_visible (self, FALSE);
  adw_flap_set_reveal_flap (self->detail_flap, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));

  if (application != NULL)
    self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("Presenting the geoparks"));
  update_text_scale (self);
  update_blank (self);
  show_step (self);
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->map_view), on_tick, self, NULL);
  self->cursor_timeout_id = g_timeout_add (CURSOR_IDLE_MS, hide_cursor, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
}

/* The window as it was before: panes, full screen or not, the open item
 * and the map view.
 */
void
_atlas_window_stop_presenting (AtlasWindow *self)
{
  g_autoptr(AtlasPresentation) presentation = g_steal_pointer (&self->presentation);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  AtlasPresentationReturn *back;
  GObject *item;

  if (presentation == NULL)
    return;

  g_signal_handlers_disconnect_by_data (presentation, self);
  back = atlas_presentation_get_return (presentation);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->map_view), self->tick_id);
  self->tick_id = 0;

  g_clear_handle_id (&self->advance_timeout_id, g_source_remove);
  g_clear_handle_id (&self->cursor_timeout_id, g_source_remove);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  if (self->inhibit_cookie != 0 && application != NULL)
    gtk_application_uninhibit (application, self->inhibit_cookie);
  self->inhibit_cookie = 0;

  gtk_widget_set_visible (self->caption_card, FALSE);
  update_blank (self);
  set_chrome_visible (self, TRUE);
  if (!back->fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->detail_flap, back->details_revealed);
  if (back->sidebar_shown)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));

  item = back->open_id != NULL ? _atlas_window_lookup_item (self, back->open_id) : NULL;
  if (item != NULL)
    _atlas_window_open_item (self, item, 0);
  else
    _atlas_window_close_item (self);

  /* Escape may come while the map still flies to the last step. */
  atlas_map_view_set_view (self->map_view, back->latitude, back->longitude, back->zoom);
}

/* What to tour: an open geopark's places, else the list the sidebar shows. */
static AtlasPresentation *
new_presentation (AtlasWindow *self)
{
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (self->source);
  const char *current = atlas_history_get_current (self->history);
  g_auto(GStrv) ids = NULL;
  AtlasPresentation *presentation;
  AtlasPresentationReturn *back;
  ShumateViewport *viewport = atlas_map_view_get_viewport (self->map_view);
  guint start = 0;

  if (current != NULL && atlas_dataset_lookup_geopark (dataset, current) != NULL)
    {
      GPtrArray *places = atlas_dataset_get_geopark_places (dataset, current);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < places->len; i++)
        g_strv_builder_add (builder, atlas_place_get_id (g_ptr_array_index (places, i)));
      ids = g_strv_builder_end (builder);
    }
  else
    {
      ids = atlas_sidebar_dup_visible_ids (self->sidebar);
      /* From the item open, when it is in the list. */
      for (guint i = 0; current != NULL && ids[i] != NULL; i++)
        if (g_str_equal (ids[i], current))
          start = i;
    }

  presentation = atlas_presentation_new ((const char * const *) ids, start);
  back = atlas_presentation_get_return (presentation);
  back->open_id = g_strdup (current);
  back->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  back->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  back->zoom = shumate_viewport_get_zoom_level (viewport);
  back->fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  back->details_revealed = adw_flap_get_reveal_flap (self->detail_flap);
  back->sidebar_shown = adw_leaflet_get_folded (self->leaflet) &&
                        adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->sidebar);

  return presentation;
}

/* F5, the header bar's button and --present: on the monitor the window is
 * on; win.present-on-monitor picks another (by its number).
 */
static void
present_on (AtlasWindow *self,
            GdkMonitor  *monitor)
{
  g_autoptr(AtlasPresentation) presentation = NULL;

  if (self->presentation != NULL)
    {
      _atlas_window_stop_presenting (self);
      return;
    }

  presentation = new_presentation (self);
  _atlas_window_present (self, presentation, monitor);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *monitor = NULL;

  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget), surface);
  present_on (self, monitor);
}

static void
present_on_monitor_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (widget));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, g_variant_get_int32 (parameter));

  present_on (ATLAS_WINDOW (widget), monitor);
}

/* With a projector plugged in, the presenter picks the screen: a menu
 * beside the Present button, one item a monitor.
 */
static void
update_monitor_menu (AtlasWindow *self,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GListModel  *monitors)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n_monitors = g_list_model_get_n_items (monitors);

  for (guint i = 0; i < n_monitors; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      /* Translators: a monitor to present on: its number, its name
       * (such as "HDMI-1" or a model), and its size in pixels
       */
      label = g_strdup_printf (_("Present on Monitor %u: %s (%d × %d)"), i + 1,
                               gdk_monitor_get_connector (monitor) != NULL ?
                               gdk_monitor_get_connector (monitor) :
                               gdk_monitor_get_model (monitor) != NULL ?
                               gdk_monitor_get_model (monitor) : "",
                               geometry.width, geometry.height);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.present-on-monitor",
                                               g_variant_new_int32 (i));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->present_monitor_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->present_monitor_button), n_monitors > 1);
}

/* Once, from the window's init: the actions and the controllers. */
void
_atlas_window_init_presenting (AtlasWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  GtkEventController *keys, *motion;

  g_signal_connect_object (monitors, "items-changed", G_CALLBACK (update_monitor_menu), self,
                           G_CONNECT_SWAPPED);
  update_monitor_menu (self, 0, 0, 0, monitors);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_pointer_motion), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

void
_atlas_window_class_init_presenting (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-on-monitor", "i",
                                   present_on_monitor_action);
}
