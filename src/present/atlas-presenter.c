/* atlas-presenter.c: the window's presentation mode.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-presenter"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-caption-card.h"
#include "atlas-i18n.h"
#include "atlas-map-view-private.h"
#include "atlas-presenter-private.h"
#include "atlas-window-private.h"

/* Full screen on the chosen monitor, nothing but the map and a caption
 * card, driven by the keys a clicker sends: a tour through the list the
 * sidebar shows (or a geopark's places). The screen stays awake, the
 * pointer hides when idle, B blanks, L switches the language, Escape
 * returns to the window exactly as it was.
 *
 * The window owns one presenter, which holds all of this state; the tour
 * itself (AtlasPresentation) is handed on to the window that replaces this
 * one in another language. The keys are the window's actions
 * (atlas-window-actions.c), enabled while the presenter presents.
 */

#define CURSOR_IDLE_MS 2000
#define TEXT_SCALE_MIN 0.5
#define TEXT_SCALE_MAX 3.0
/* A room wants to see where a place is, with its surroundings (about
 * 20 km across), not its every rock.
 */
#define PRESENT_MAX_ZOOM 11.0

struct _AtlasPresenter
{
  GObject            parent_instance;

  /* Borrowed references: the window owns the presenter, and the caption
   * card lives in the window's map overlay.
   */
  AtlasWindow       *window;
  GtkWidget         *caption_card;

  /* Owned references */
  AtlasPresentation *presentation;  /* NULL when not presenting */

  /* What keeps the room's screen awake, the pointer out of sight, the
   * tour going on its own, and the step framed as the map's size changes.
   */
  guint              inhibit_cookie;
  guint              cursor_timeout_id;
  guint              advance_timeout_id;
  guint              tick_id;
  int                framed_width;
  int                framed_height;
};

G_DEFINE_FINAL_TYPE (AtlasPresenter, atlas_presenter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void restart_auto_advance (AtlasPresenter *self);

gboolean
atlas_presenter_get_presenting (AtlasPresenter *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER (self), FALSE);

  return self->presentation != NULL;
}

AtlasPresentation *
atlas_presenter_get_presentation (AtlasPresenter *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER (self), NULL);

  return self->presentation;
}

GtkWidget *
_atlas_presenter_get_caption_card (AtlasPresenter *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER (self), NULL);

  return self->caption_card;
}

/* The presentation's caption, over the map and under the blank screen. */
void
atlas_presenter_set_dataset (AtlasPresenter *self,
                             AtlasDataset   *dataset)
{
  AtlasWindow *window;

  g_return_if_fail (ATLAS_IS_PRESENTER (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (self->caption_card == NULL);

  window = self->window;
  self->caption_card = atlas_caption_card_new (dataset);
  gtk_widget_set_visible (self->caption_card, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (window->map_overlay), self->caption_card);
  gtk_widget_insert_before (self->caption_card, window->map_overlay, window->presentation_blank);
}

/* The map frames the step beside the caption card, or above it, whichever
 * leaves it more room; the card takes its size from the map's.
 */
static void
frame_step (AtlasPresenter *self,
            GObject        *item)
{
  AtlasWindow *window = self->window;
  AtlasCaptionCard *card = ATLAS_CAPTION_CARD (self->caption_card);
  int width = gtk_widget_get_width (GTK_WIDGET (window->map_view));
  int height = gtk_widget_get_height (GTK_WIDGET (window->map_view));
  GtkBorder insets;

  atlas_caption_card_set_room (card, width, height);
  atlas_caption_card_get_map_insets (card, &insets);
  atlas_map_view_set_fit_insets (window->map_view, &insets);
  atlas_map_view_set_fit_max_zoom (window->map_view, PRESENT_MAX_ZOOM);
  _atlas_window_open_item (window, item, ATLAS_OPEN_MOVE_MAP);
  atlas_map_view_set_fit_max_zoom (window->map_view, 0);
  atlas_map_view_set_fit_insets (window->map_view, NULL);
  self->framed_width = width;
  self->framed_height = height;
}

static GObject *
step_item (AtlasPresenter *self)
{
  const char *id = atlas_presentation_get_id (self->presentation);

  return id != NULL ? _atlas_window_lookup_item (self->window, id) : NULL;
}

/* Shows the tour's current step: the card names it, the map frames it. */
static void
show_step (AtlasPresenter *self)
{
  GObject *item;

  g_assert (ATLAS_IS_PRESENTER (self));

  item = step_item (self);
  if (item != NULL)
    atlas_item_view_set_item (ATLAS_ITEM_VIEW (self->caption_card), item);
  atlas_caption_card_set_step (ATLAS_CAPTION_CARD (self->caption_card),
                               atlas_presentation_get_position (self->presentation),
                               atlas_presentation_get_n_steps (self->presentation));
  gtk_widget_set_visible (self->caption_card, item != NULL);
  if (item != NULL)
    frame_step (self, item);
  atlas_map_view_set_cover (self->window->map_view, item != NULL ? self->caption_card : NULL);
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
  AtlasPresenter *self = user_data;
  AtlasMapView *map_view;
  GObject *item;

  g_assert (ATLAS_IS_PRESENTER (self));

  if (gtk_widget_get_width (widget) == self->framed_width &&
      gtk_widget_get_height (widget) == self->framed_height)
    return G_SOURCE_CONTINUE;

  map_view = self->window->map_view;
  item = step_item (self);
  if (item != NULL)
    {
      _atlas_map_view_set_animated (map_view, FALSE);
      frame_step (self, item);
      _atlas_map_view_set_animated (map_view, TRUE);
    }

  return G_SOURCE_CONTINUE;
}

static void
update_blank (AtlasPresenter *self)
{
  g_assert (ATLAS_IS_PRESENTER (self));

  gtk_widget_set_visible (self->window->presentation_blank,
                          self->presentation != NULL &&
                          atlas_presentation_get_blanked (self->presentation));
}

static void
update_text_scale (AtlasPresenter *self)
{
  atlas_caption_card_set_text_scale (ATLAS_CAPTION_CARD (self->caption_card),
                                     g_settings_get_double (self->window->settings,
                                                            "present-text-scale"));
  if (gtk_widget_get_visible (self->caption_card))
    atlas_map_view_set_cover (self->window->map_view, self->caption_card);
}

static gboolean
auto_advance (gpointer user_data)
{
  AtlasPresenter *self = user_data;

  g_assert (ATLAS_IS_PRESENTER (self));

  self->advance_timeout_id = 0;
  /* Unattended, the tour goes round. */
  if (!atlas_presentation_next (self->presentation))
    atlas_presentation_first (self->presentation);

  return G_SOURCE_REMOVE;
}

static void
restart_auto_advance (AtlasPresenter *self)
{
  guint seconds = g_settings_get_uint (self->window->settings, "present-auto-advance");

  g_clear_handle_id (&self->advance_timeout_id, g_source_remove);
  if (self->presentation != NULL && seconds > 0)
    self->advance_timeout_id = g_timeout_add_seconds (seconds, auto_advance, self);
}

static gboolean
hide_cursor (gpointer user_data)
{
  AtlasPresenter *self = user_data;

  g_assert (ATLAS_IS_PRESENTER (self));

  self->cursor_timeout_id = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->window), "none");

  return G_SOURCE_REMOVE;
}

static void
on_pointer_motion (AtlasPresenter *self)
{
  g_assert (ATLAS_IS_PRESENTER (self));

  if (self->presentation == NULL)
    return;

  gtk_widget_set_cursor (GTK_WIDGET (self->window), NULL);
  g_clear_handle_id (&self->cursor_timeout_id, g_source_remove);
  self->cursor_timeout_id = g_timeout_add (CURSOR_IDLE_MS, hide_cursor, self);
}

/* Larger or smaller by @factor, or back to the card's own size with 0. */
void
atlas_presenter_scale_text (AtlasPresenter *self,
                            double          factor)
{
  GSettings *settings;
  double scale;

  g_return_if_fail (ATLAS_IS_PRESENTER (self));
  g_return_if_fail (factor >= 0);

  settings = self->window->settings;
  scale = factor > 0 ? g_settings_get_double (settings, "present-text-scale") * factor : 1.0;
  g_settings_set_double (settings, "present-text-scale",
                         CLAMP (scale, TEXT_SCALE_MIN, TEXT_SCALE_MAX));
  if (self->presentation == NULL)
    return;

  /* The card grows or shrinks at once; the next frame frames the step
   * beside it again.
   */
  update_text_scale (self);
  self->framed_width = -1;
}

/* The other language, for a delegation that does not read this one. */
void
atlas_presenter_switch_language (AtlasPresenter *self)
{
  GtkApplication *application;
  const char *other;

  g_return_if_fail (ATLAS_IS_PRESENTER (self));

  application = gtk_window_get_application (GTK_WINDOW (self->window));
  other = atlas_i18n_get_content_language () == ATLAS_LANGUAGE_VI ? "en" : "vi";
  if (application != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (application), "language",
                                    g_variant_new_string (other));
}

static void
set_chrome_visible (AtlasPresenter *self,
                    gboolean        visible)
{
  AtlasWindow *window = self->window;

  gtk_widget_set_visible (GTK_WIDGET (window->sidebar), visible);
  gtk_widget_set_visible (window->sidebar_separator, visible);
  gtk_widget_set_visible (window->content_header, visible);
  gtk_widget_set_child_visible (GTK_WIDGET (window->problems_revealer), visible);
  atlas_map_view_set_presenting (window->map_view, !visible);
}

/* Starts presenting the tour, or goes on with it in a window rebuilt in
 * another language. The tour remembers how to come back.
 */
void
atlas_presenter_start (AtlasPresenter    *self,
                       AtlasPresentation *presentation,
                       GdkMonitor        *monitor)
{
  AtlasWindow *window;
  GtkApplication *application;

  g_return_if_fail (ATLAS_IS_PRESENTER (self));
  g_return_if_fail (ATLAS_IS_PRESENTATION (presentation));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));
  g_return_if_fail (self->caption_card != NULL);

  window = self->window;
  application = gtk_window_get_application (GTK_WINDOW (window));

  g_set_object (&self->presentation, presentation);
  g_signal_connect_object (presentation, "notify::position",
                           G_CALLBACK (show_step), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "notify::blanked",
                           G_CALLBACK (update_blank), self, G_CONNECT_SWAPPED);

  /* Locked, the details stay hidden when the sidebar goes and the flap
   * unfolds.
   */
  adw_flap_set_locked (window->detail_flap, TRUE);
  set_chrome_visible (self, FALSE);
  adw_flap_set_reveal_flap (window->detail_flap, FALSE);
  adw_leaflet_set_visible_child (window->leaflet, window->content);
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (window), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (window));

  if (application != NULL)
    self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (window),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("Presenting the geoparks"));
  update_text_scale (self);
  update_blank (self);
  show_step (self);
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window->map_view), on_tick, self,
                                                NULL);
  self->cursor_timeout_id = g_timeout_add (CURSOR_IDLE_MS, hide_cursor, self);
  gtk_widget_grab_focus (GTK_WIDGET (window->map_view));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

/* What keeps presenting going, and nothing else: both stopping and a
 * window going away need this much.
 */
static void
release (AtlasPresenter *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self->window));

  if (self->presentation != NULL)
    g_signal_handlers_disconnect_by_data (self->presentation, self);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->window->map_view), self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->advance_timeout_id, g_source_remove);
  g_clear_handle_id (&self->cursor_timeout_id, g_source_remove);
  if (self->inhibit_cookie != 0 && application != NULL)
    gtk_application_uninhibit (application, self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

/* The window as it was before: panes, full screen or not, the open item
 * and the map view.
 */
void
atlas_presenter_stop (AtlasPresenter *self)
{
  g_autoptr(AtlasPresentation) presentation = NULL;
  AtlasPresentationReturn *back;
  AtlasWindow *window;
  GObject *item;

  g_return_if_fail (ATLAS_IS_PRESENTER (self));

  if (self->presentation == NULL)
    return;

  window = self->window;
  release (self);
  presentation = g_steal_pointer (&self->presentation);
  back = atlas_presentation_get_return (presentation);

  gtk_widget_set_cursor (GTK_WIDGET (window), NULL);
  gtk_widget_set_visible (self->caption_card, FALSE);
  atlas_map_view_set_cover (window->map_view, NULL);
  update_blank (self);
  adw_flap_set_locked (window->detail_flap, FALSE);
  set_chrome_visible (self, TRUE);
  if (!back->fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (window));
  adw_flap_set_reveal_flap (window->detail_flap, back->details_revealed);
  if (back->sidebar_shown)
    adw_leaflet_set_visible_child (window->leaflet, GTK_WIDGET (window->sidebar));

  item = back->open_id != NULL ? _atlas_window_lookup_item (window, back->open_id) : NULL;
  if (item != NULL)
    _atlas_window_open_item (window, item, 0);
  else
    _atlas_window_close_item (window);

  /* Escape may come while the map still flies to the last step. */
  atlas_map_view_set_view (window->map_view, back->latitude, back->longitude, back->zoom);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

/* What to tour: an open geopark's places, else the list the sidebar shows. */
static AtlasPresentation *
new_tour (AtlasPresenter *self)
{
  AtlasWindow *window = self->window;
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (window->source);
  const char *current = atlas_history_get_current (window->history);
  ShumateViewport *viewport = atlas_map_view_get_viewport (window->map_view);
  g_auto(GStrv) ids = NULL;
  AtlasPresentation *presentation;
  AtlasPresentationReturn *back;
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
      ids = atlas_sidebar_dup_visible_ids (window->sidebar);
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
  back->fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (window));
  back->details_revealed = adw_flap_get_reveal_flap (window->detail_flap);
  back->sidebar_shown = adw_leaflet_get_folded (window->leaflet) &&
                        adw_leaflet_get_visible_child (window->leaflet) ==
                        GTK_WIDGET (window->sidebar);

  return presentation;
}

/* F5, the header bar's button and --present start a tour on @monitor (the
 * window's own when NULL), or end the one going on.
 */
void
atlas_presenter_toggle (AtlasPresenter *self,
                        GdkMonitor     *monitor)
{
  g_autoptr(AtlasPresentation) presentation = NULL;

  g_return_if_fail (ATLAS_IS_PRESENTER (self));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));

  if (self->presentation != NULL)
    {
      atlas_presenter_stop (self);
      return;
    }

  presentation = new_tour (self);
  atlas_presenter_start (self, presentation, monitor);
}

/* With a projector plugged in, the presenter picks the screen: a menu
 * beside the Present button, one item a monitor.
 */
static void
update_monitor_menu (AtlasPresenter *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *monitors)
{
  GtkMenuButton *button = self->window->present_monitor_button;
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n_monitors = g_list_model_get_n_items (monitors);

  g_assert (ATLAS_IS_PRESENTER (self));

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

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (button), n_monitors > 1);
}

/* The window owns the presenter: it borrows the window, whose template
 * is built by now.
 */
AtlasPresenter *
atlas_presenter_new (AtlasWindow *window)
{
  AtlasPresenter *self;
  GListModel *monitors;
  GtkEventController *motion;

  g_return_val_if_fail (ATLAS_IS_WINDOW (window), NULL);

  self = g_object_new (ATLAS_TYPE_PRESENTER, NULL);
  self->window = window;

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  g_signal_connect_object (monitors, "items-changed", G_CALLBACK (update_monitor_menu), self,
                           G_CONNECT_SWAPPED);
  update_monitor_menu (self, 0, 0, 0, monitors);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_pointer_motion), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), motion);

  return self;
}

/* A window replaced while presenting hands the tour over; the screen
 * stays awake through the new window's own inhibition.
 */
static void
atlas_presenter_dispose (GObject *object)
{
  AtlasPresenter *self = ATLAS_PRESENTER (object);

  if (self->window != NULL)
    release (self);
  g_clear_object (&self->presentation);
  self->caption_card = NULL;
  self->window = NULL;

  G_OBJECT_CLASS (atlas_presenter_parent_class)->dispose (object);
}

static void
atlas_presenter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasPresenter *self = ATLAS_PRESENTER (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presentation != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_presenter_class_init (AtlasPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_presenter_dispose;
  object_class->get_property = atlas_presenter_get_property;

  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_presenter_init (AtlasPresenter *self)
{
}
