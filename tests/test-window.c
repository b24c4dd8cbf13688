/* test-window.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "atlas-test-gtk.h"
#include "atlas-test-map.h"
#include "atlas-test-utils.h"
#include "atlas-test-window.h"
#include "atlas-dataset-source-private.h"
#include "atlas-map-view-private.h"

/* Zooming is animated; wait for it to start moving (or give up after 5 s). */
static void
wait_until_zoom_differs (ShumateViewport *viewport,
                         double           zoom)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline &&
         shumate_viewport_get_zoom_level (viewport) == zoom)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_region_shown (GtkWidget *region)
{
  g_assert_true (gtk_widget_get_mapped (region));
  g_assert_cmpint (gtk_widget_get_width (region), >, 100);
  g_assert_cmpint (gtk_widget_get_height (region), >, 100);
}

static void
test_window_regions (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window;

  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 760);
  window = show_window (settings);

  /* Wide enough for the three regions side by side. */
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  assert_region_shown (GTK_WIDGET (window->sidebar));
  assert_region_shown (GTK_WIDGET (window->map_view));
  assert_region_shown (window->detail_panel);

  /* Sidebar left of the map, details right of it. */
  {
    graphene_point_t sidebar_origin, map_origin, detail_origin;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (window->sidebar), GTK_WIDGET (window),
                                             &GRAPHENE_POINT_INIT (0, 0), &sidebar_origin));
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (window->map_view), GTK_WIDGET (window),
                                             &GRAPHENE_POINT_INIT (0, 0), &map_origin));
    g_assert_true (gtk_widget_compute_point (window->detail_panel, GTK_WIDGET (window),
                                             &GRAPHENE_POINT_INIT (0, 0), &detail_origin));
    g_assert_cmpfloat (sidebar_origin.x, <, map_origin.x);
    g_assert_cmpfloat (map_origin.x, <, detail_origin.x);
  }

  close_window (window);
}

static void
test_window_empty_states (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("empty");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  AtlasWindow *window;
  GtkWidget *page;

  /* A dataset with nothing in it: the sidebar says so instead of showing blank space. */
  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  window = show_window_with_source (settings, source);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar->news.stack), ==, "empty");
  page = gtk_stack_get_visible_child (window->sidebar->news.stack);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No News");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar->places.stack), ==, "empty");

  close_window (window);
  atlas_test_remove_dataset (dir);
}

static void
test_window_lists_bundled_dataset (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window = show_window (settings);
  GListModel *news = window->sidebar->news.shown;
  GListModel *places = window->sidebar->places.shown;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar->news.stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (news), ==, 42);
  g_assert_cmpuint (g_list_model_get_n_items (places), >=, 45);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");
  g_assert_false (gtk_revealer_get_reveal_child (window->problems_revealer));
  /* The pages for a folder loading or failing wait until one is needed. */
  g_assert_null (window->status_pages.loading_page);
  g_assert_null (window->status_pages.error_page);

  close_window (window);
}

/* Typing filters both lists, accent-insensitively; nothing found says so. */
static void
test_window_search (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window = show_window (settings);
  GListModel *places = window->sidebar->places.shown;
  GListModel *news = window->sidebar->news.shown;
  guint n_news = g_list_model_get_n_items (news);

  gtk_editable_set_text (GTK_EDITABLE (window->sidebar->search_entry), "ban gioc");
  g_signal_emit_by_name (window->sidebar->search_entry, "search-changed");
  iterate ();
  /* The waterfall, and the pagoda named after it. */
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, 2);
  {
    g_autoptr(AtlasPlace) first = g_list_model_get_item (places, 0);

    g_assert_cmpstr (atlas_place_get_id (first), ==, "cb-01");
  }

  gtk_editable_set_text (GTK_EDITABLE (window->sidebar->search_entry), "khorat");
  g_signal_emit_by_name (window->sidebar->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (news), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (news), <, n_news);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar->news.stack), ==, "list");

  gtk_editable_set_text (GTK_EDITABLE (window->sidebar->search_entry), "zzzz quux");
  g_signal_emit_by_name (window->sidebar->search_entry, "search-changed");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar->news.stack), ==, "no-results");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar->places.stack), ==, "no-results");

  gtk_editable_set_text (GTK_EDITABLE (window->sidebar->search_entry), "");
  g_signal_emit_by_name (window->sidebar->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (news), ==, n_news);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar->news.stack), ==, "list");

  close_window (window);
}

/* A broken save shows a banner over the last good data; the fix removes it. */
static void
test_window_problems_banner (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autofree char *path = g_build_filename (dir, "places.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *good = NULL;
  g_autofree char *folder_name = g_path_get_basename (dir);
  AtlasWindow *window;

  atlas_dataset_source_set_folder (source, folder);

  atlas_test_wait_loaded (source);
  window = show_window_with_source (settings, source);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, folder_name);

  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));
  atlas_test_write (dir, "places.json", "{\"items\": 3}");
  _atlas_dataset_source_reload (source);
  atlas_test_wait_loaded (source);
  iterate ();

  g_assert_true (gtk_revealer_get_reveal_child (window->problems_revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (window->problems_label), "1 problem"));
  g_assert_cmpuint (g_list_model_get_n_items (window->sidebar->places.shown), ==, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");

  atlas_test_write (dir, "places.json", good);
  _atlas_dataset_source_reload (source);
  atlas_test_wait_loaded (source);
  iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (window->problems_revealer));

  close_window (window);
  atlas_test_remove_dataset (dir);
}

/* The problems the error page lists. */
static char *
error_page_problems (AtlasWindow *window)
{
  AtlasWindowStatusPages *pages = &window->status_pages;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (pages->error_problems_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A folder that cannot be opened gets a page that says why. */
static void
test_window_error_page (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *problems = NULL;
  AtlasWindow *window;

  atlas_test_write (dir, "news.json", "{\"items\": [{\"id\": \"Bad Id\"}]}");
  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  window = show_window_with_source (settings, source);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  problems = error_page_problems (window);
  g_assert_nonnull (strstr (problems, "news.json: $.items[0].id: “Bad Id” is not a valid id"));
  g_assert_nonnull (strstr (adw_status_page_get_description (window->status_pages.error_page),
                           dir));

  /* Going back to the bundled dataset brings the window back. */
  atlas_dataset_source_set_folder (source, NULL);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar->news.stack), ==, "list");

  /* The same page says what is wrong with the next folder that fails. */
  atlas_test_write (dir, "news.json", "{\"items\": [{\"id\": \"Other Bad Id\"}]}");
  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  g_free (problems);
  problems = error_page_problems (window);
  g_assert_nonnull (strstr (problems, "“Other Bad Id” is not a valid id"));
  g_assert_null (strstr (problems, "“Bad Id”"));

  close_window (window);
  atlas_test_remove_dataset (dir);
}

/* A folder's first load shows its progress instead of the data it will
 * replace; what was open in the last run comes back once it is there. A
 * reload keeps the data in use, with a thin bar over it.
 */
static void
test_window_loading_page (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  AtlasWindow *window;

  g_settings_set_string (settings, "last-selection", "cb-14");
  atlas_dataset_source_set_folder (source, folder);
  /* The load ends in the main loop, which has not run yet. */
  window = _atlas_window_new_with_settings (NULL, settings, source);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  g_assert_nonnull (strstr (adw_status_page_get_description (window->status_pages.loading_page),
                           dir));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->reload_progress)));
  g_assert_null (atlas_history_get_current (window->history));

  atlas_test_wait_loaded (source);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");
  /* The loading page gives way at once, without a cross-fade. */
  g_assert_false (gtk_stack_get_transition_running (window->main_stack));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (window->status_pages.loading_progress),
                     ==, 1.0);
  g_assert_cmpuint (g_list_model_get_n_items (window->sidebar->news.shown), ==, 3);
  g_assert_cmpstr (atlas_history_get_current (window->history), ==, "cb-14");

  _atlas_dataset_source_reload (source);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->reload_progress)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");
  atlas_test_wait_loaded (source);
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->reload_progress)));
  g_assert_cmpstr (atlas_history_get_current (window->history), ==, "cb-14");

  /* From the bundled data to the folder again: the loading page replaces
   * the data at once too.
   */
  atlas_dataset_source_set_folder (source, NULL);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");
  atlas_dataset_source_set_folder (source, folder);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  g_assert_false (gtk_stack_get_transition_running (window->main_stack));
  atlas_test_wait_loaded (source);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");

  close_window (window);
  atlas_test_remove_dataset (dir);
}

/* Closed before the folder loaded: the last run's open item is kept. */
static void
test_window_closed_while_loading (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *kept = NULL;
  AtlasWindow *window;

  g_settings_set_string (settings, "last-selection", "cb-14");
  atlas_dataset_source_set_folder (source, folder);
  window = _atlas_window_new_with_settings (NULL, settings, source);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  gtk_window_close (GTK_WINDOW (window));

  kept = g_settings_get_string (settings, "last-selection");
  g_assert_cmpstr (kept, ==, "cb-14");

  atlas_test_wait_loaded (source);
  iterate ();
  atlas_test_remove_dataset (dir);
}

/* What the news list shows in the window's first frame. */
typedef struct
{
  GtkWidget *list;
  gboolean   painted;
  int        list_height;
  int        rows_bottom;
  guint      n_rows;
} FirstFrame;

static void
on_first_frame_painted (GdkFrameClock *clock,
                        FirstFrame    *frame)
{
  if (frame->painted)
    return;

  frame->painted = TRUE;
  frame->list_height = gtk_widget_get_height (frame->list);
  for (GtkWidget *row = gtk_widget_get_first_child (frame->list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_child_visible (row) &&
          gtk_widget_compute_bounds (row, frame->list, &bounds))
        {
          frame->n_rows++;
          frame->rows_bottom = MAX (frame->rows_bottom, bounds.origin.y + bounds.size.height);
        }
    }
}

/* The list is full from the first frame, whatever the window's height:
 * only the rows below it come later (atlas-sidebar-list.c).
 */
static void
test_window_first_frame_rows (void)
{
  const struct { int height; gboolean maximized; } cases[] = {
    { 500, FALSE }, { 790, FALSE }, { 500, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSettings) settings = new_settings ();
      g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
      AtlasWindow *window;
      FirstFrame frame = { NULL, };
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      g_settings_set_int (settings, "window-width", 1000);
      g_settings_set_int (settings, "window-height", cases[i].height);
      g_settings_set_boolean (settings, "window-maximized", cases[i].maximized);
      window = _atlas_window_new_with_settings (NULL, settings, source);
      frame.list = GTK_WIDGET (window->sidebar->news.view);
      gtk_window_present (GTK_WINDOW (window));
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                        G_CALLBACK (on_first_frame_painted), &frame);
      while (!frame.painted && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);

      g_test_message ("window %d px%s: list %d px, %u rows down to %d px", cases[i].height,
                      cases[i].maximized ? " (maximized)" : "", frame.list_height, frame.n_rows,
                      frame.rows_bottom);
      g_assert_true (frame.painted);
      g_assert_cmpint (frame.list_height, >, 100);
      /* Fewer rows than items: the test is about the slice. */
      g_assert_cmpuint (frame.n_rows, <, 42);
      g_assert_cmpint (frame.rows_bottom, >=, frame.list_height);

      g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                            &frame);
      close_window (window);
    }
}

static void
test_window_narrow (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window;

  g_settings_set_int (settings, "window-width", 400);
  g_settings_set_int (settings, "window-height", 700);
  window = show_window (settings);

  /* A phone-sized window shows one pane at a time, the map first. */
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->content);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->map_view)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == GTK_WIDGET (window->sidebar));

  close_window (window);
}

static void
test_window_size_round_trip (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = show_window (settings);

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  close_window (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1024);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static gboolean
have_window_manager (void)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gdk_display_get_default ();

  if (GDK_IS_X11_DISPLAY (display))
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      GdkX11Screen *screen = gdk_x11_display_get_screen (display);
      const char *name = gdk_x11_screen_get_window_manager_name (screen);
      G_GNUC_END_IGNORE_DEPRECATIONS

      return g_strcmp0 (name, "unknown") != 0;
    }
#endif

  return TRUE;
}

static void
wait_until_maximized (AtlasWindow *window,
                      gboolean     maximized)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline &&
         gtk_window_is_maximized (GTK_WINDOW (window)) != maximized)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_window_maximized_round_trip (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window;

  /* Maximizing is the window manager's business (build-aux/dev.sh starts one). */
  if (!have_window_manager ())
    {
      g_test_skip ("no window manager runs on this display");
      return;
    }

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", TRUE);

  /* Comes back maximized, and keeps the size to return to. */
  window = show_window (settings);
  wait_until_maximized (window, TRUE);
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)));
  close_window (window);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  /* Unmaximized by the user, it starts unmaximized next time. */
  window = show_window (settings);
  wait_until_maximized (window, TRUE);
  gtk_window_unmaximize (GTK_WINDOW (window));
  wait_until_maximized (window, FALSE);
  close_window (window);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_window_sidebar_page_round_trip (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window;
  g_autofree char *page = NULL;

  g_settings_set_string (settings, "sidebar-page", "places");
  window = show_window (settings);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->sidebar->stack), ==, "places");

  adw_view_stack_set_visible_child_name (window->sidebar->stack, "news");
  page = g_settings_get_string (settings, "sidebar-page");
  g_assert_cmpstr (page, ==, "news");

  close_window (window);
}

static void
test_window_actions (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window = show_window (settings);
  ShumateViewport *viewport = atlas_map_view_get_viewport (window->map_view);
  double zoom = shumate_viewport_get_zoom_level (viewport);

  /* Ctrl+F lands in the search entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->sidebar->search_entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (window->sidebar->search_entry)));

  /* F9 hides and shows the detail panel. */
  g_assert_true (adw_flap_get_reveal_flap (window->detail_flap));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-details", NULL);
  g_assert_false (adw_flap_get_reveal_flap (window->detail_flap));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-details", NULL);
  g_assert_true (adw_flap_get_reveal_flap (window->detail_flap));

  /* The map opens on northern Vietnam and zooms by whole levels. */
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  22.0, 0.5);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                  105.8, 0.5);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  wait_until_zoom_differs (viewport, zoom);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, zoom);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), <=, zoom + 1);

  close_window (window);
}

/* Ctrl+Shift+C reaches the map from anywhere in the window. */
static void
test_window_copy_map_image (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window = show_window (settings);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-map-image", NULL));
  texture = atlas_test_read_clipboard_texture (clipboard);
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (GTK_WIDGET (window->map_view)));

  close_window (window);
}

/* Keeps frames coming until the frame clock has run for the time given. */
static gboolean
run_frames (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  gint64 *until = user_data;

  if (*until == 0)
    *until = gdk_frame_clock_get_frame_time (clock) + 2 * G_USEC_PER_SEC;
  else if (gdk_frame_clock_get_frame_time (clock) >= *until)
    *until = -1;

  return *until < 0 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* Escape while the map still flies to a step of the tour: the map goes
 * back where it was, and is still there once the flight would have ended
 * (by the frame clock, which times the flight too).
 */
static void
test_window_stop_presenting_mid_flight (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window;
  ShumateViewport *viewport;
  double latitude, longitude, zoom;
  gint64 until = 0;

  g_settings_set_string (settings, "basemap", "offline");
  g_settings_set_string (settings, "sidebar-page", "places");
  g_settings_set_string (settings, "filter-geopark", "caobang");
  g_settings_set_double (settings, "map-zoom", 9.0);
  g_settings_set_double (settings, "map-latitude", 22.7);
  g_settings_set_double (settings, "map-longitude", 106.3);
  window = show_window (settings);
  viewport = atlas_map_view_get_viewport (window->map_view);
  latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  zoom = shumate_viewport_get_zoom_level (viewport);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_nonnull (atlas_presenter_get_presentation (window->presenter));
  atlas_presentation_next (atlas_presenter_get_presentation (window->presenter));
  wait_until_zoom_differs (viewport, zoom);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), !=, zoom);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_null (atlas_presenter_get_presentation (window->presenter));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), run_frames, &until, NULL);
  while (until >= 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  latitude, 1e-9);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                  longitude, 1e-9);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), zoom, 1e-9);

  close_window (window);
}

/* The window hands the map the places its Places tab lists while a search
 * is typed, and nothing once it is cleared.
 */
static void
test_window_map_search (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window = show_window (settings);
  GListModel *places = atlas_sidebar_get_places (window->sidebar);

  g_assert_nonnull (places);
  gtk_editable_set_text (GTK_EDITABLE (window->sidebar->search_entry), "dong van");
  g_signal_emit_by_name (window->sidebar->search_entry, "search-changed");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (places), >, 1);
  g_assert_cmpuint (_atlas_map_view_get_n_matches (window->map_view), ==,
                    g_list_model_get_n_items (places));

  gtk_editable_set_text (GTK_EDITABLE (window->sidebar->search_entry), "");
  g_signal_emit_by_name (window->sidebar->search_entry, "search-changed");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (_atlas_map_view_get_n_matches (window->map_view), ==, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->map_view->search.bar)));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_gtk (&argc, &argv);

  g_test_add_func ("/window/regions", test_window_regions);
  g_test_add_func ("/window/stop-presenting-mid-flight", test_window_stop_presenting_mid_flight);
  g_test_add_func ("/window/empty-states", test_window_empty_states);
  g_test_add_func ("/window/lists-bundled-dataset", test_window_lists_bundled_dataset);
  g_test_add_func ("/window/problems-banner", test_window_problems_banner);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/map-search", test_window_map_search);
  g_test_add_func ("/window/error-page", test_window_error_page);
  g_test_add_func ("/window/loading-page", test_window_loading_page);
  g_test_add_func ("/window/first-frame-rows", test_window_first_frame_rows);
  g_test_add_func ("/window/closed-while-loading", test_window_closed_while_loading);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/size-round-trip", test_window_size_round_trip);
  g_test_add_func ("/window/maximized-round-trip", test_window_maximized_round_trip);
  g_test_add_func ("/window/sidebar-page-round-trip", test_window_sidebar_page_round_trip);
  g_test_add_func ("/window/actions", test_window_actions);
  g_test_add_func ("/window/copy-map-image", test_window_copy_map_image);

  return g_test_run ();
}
