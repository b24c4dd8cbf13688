/* atlas-bench.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-bench"

#include "config.h"

#include "bench-load.h"
#include "bench-stats.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <gtk/gtk.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "atlas-browse-filter.h"
#include "atlas-dataset-loader.h"
#include "atlas-dataset-private.h"
#include "atlas-dataset-source.h"
#include "atlas-map-view-private.h"
#include "atlas-map-view.h"
#include "atlas-ranked-model.h"
#include "atlas-window-private.h"
#include "atlas-search-index-private.h"

/* The figures of docs/PERFORMANCE.md, printed one line each; run through
 * `build-aux/dev.sh bench`, never as a test: timings on a shared machine
 * say nothing about correctness.
 *
 *   atlas-bench load [--runs N] [DIR]   bundled data when DIR is left out
 *   atlas-bench search [--rounds N] DIR QUERY...
 *   atlas-bench map-search [--rounds N] DIR GEOPARK QUERY...   needs a display
 *   atlas-bench pan [--frames N] DIR GEOPARK   needs a display
 *   atlas-bench fly [--frames N] DIR GEOPARK   needs a display
 *   atlas-bench open DIR                       needs a display and the schemas
 *   atlas-bench links DIR
 */


/* The nearest-rank percentile of samples, which it sorts. */
static double
percentile (GArray *samples,
            double  p)
{
  guint rank;

  g_assert (samples->len > 0);
  g_array_sort (samples, bench_compare_doubles);
  rank = (guint) MAX (1.0, (p / 100.0) * samples->len + 0.999999);

  return g_array_index (samples, double, MIN (rank, samples->len) - 1);
}

/* The peak resident set of this process, in KiB, from the kernel. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;

  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* One load in this process: "MILLISECONDS PEAK_KIB BASELINE_KIB". */
static int
load_once (const char *dir)
{
  g_autoptr(AtlasDataset) dataset = NULL;
  long baseline = peak_rss_kib ();
  gint64 start = g_get_monotonic_time ();

  dataset = bench_load (dir);
  g_print ("%.3f %ld %ld\n", (g_get_monotonic_time () - start) / 1000.0, peak_rss_kib (),
           baseline);

  return 0;
}

/* Each run a fresh process, so that the peak memory is that load's alone. */
static int
load_runs (const char *self_path,
           const char *dir,
           guint       runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peaks = g_array_new (FALSE, FALSE, sizeof (double));
  double baseline = 0;

  for (guint i = 0; i < runs + 1; i++)
    {
      const char *argv[] = { self_path, "load-once", dir, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      double ms, peak, base;
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%lf %lf %lf", &ms, &peak, &base) != 3)
        {
          g_printerr ("load run failed: %s\n", error ? error->message : out);
          return 1;
        }

      /* The first run warms the page cache; it is not counted. */
      if (i == 0)
        continue;
      g_array_append_val (times, ms);
      g_array_append_val (peaks, peak);
      baseline = base;
    }

  g_print ("load %-28s runs %u  median %8.1f ms  min %8.1f ms  max %8.1f ms  "
           "peak RSS median %6.1f MiB (before loading %.1f MiB)\n",
           dir ? dir : "bundled", runs, percentile (times, 50), percentile (times, 0),
           percentile (times, 100), percentile (peaks, 50) / 1024.0, baseline / 1024.0);

  return 0;
}

typedef struct
{
  AtlasBrowseFilter *filter;
  AtlasDataset      *dataset;
} Match;

static gboolean
match_article (gpointer item,
               gpointer user_data)
{
  Match *match = user_data;

  return atlas_browse_filter_match_article (match->filter, match->dataset, item);
}

static gboolean
match_place (gpointer item,
             gpointer user_data)
{
  Match *match = user_data;

  return atlas_browse_filter_match_place (match->filter, match->dataset, item);
}

static guint
rank_item (gpointer item,
           gpointer user_data)
{
  Match *match = user_data;

  return atlas_browse_filter_get_score (match->filter, match->dataset, item);
}

static guint
rank_items (gpointer const *items,
            guint           n_items,
            guint          *kept,
            guint          *scores,
            gpointer        user_data)
{
  Match *match = user_data;

  return atlas_browse_filter_rank_items (match->filter, match->dataset, items, n_items, kept,
                                         scores);
}

/* The sidebar's chains: the places, sorted, then filtered; the news in a
 * list of their own, in the dataset's order by date, filtered.
 */
static GListModel *
filtered_list (GListModel  *items,
               GtkSorter   *sorter,
               GtkFilter   *filter)
{
  GtkSortListModel *sorted = gtk_sort_list_model_new (g_object_ref (items), sorter);

  return G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (filter)));
}

static GListModel *
filtered_news (AtlasDataset *dataset,
               GtkFilter    *filter)
{
  GPtrArray *by_date = atlas_dataset_get_articles_by_date (dataset);
  GListStore *news = g_list_store_new (ATLAS_TYPE_ARTICLE);

  g_list_store_splice (news, 0, 0, by_date->pdata, by_date->len);

  return G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (news), g_object_ref (filter)));
}

typedef struct
{
  GtkFilter        *news_filter;
  GtkFilter        *places_filter;
  AtlasRankedModel *news;
  AtlasRankedModel *places;
  double            rank_ms;  /* the last keystroke's ranked models alone */
} Lists;

/* As the sidebar does (atlas-sidebar.c, on_filter_changed): both lists set
 * ranked or not, refiltered while their ranking waits, then ranked once. While a search is
 * typed, the ranked models filter the items themselves (the filter models
 * are left without their filter), so their time is the search's too.
 */
static void
refilter (AtlasBrowseFilter *browse,
          Lists             *lists)
{
  GtkFilterChange change = atlas_browse_filter_get_narrowed (browse)
                           ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT;
  gboolean unchanged = atlas_browse_filter_get_matches_unchanged (browse);
  gint64 start;

  atlas_ranked_model_freeze (lists->news);
  atlas_ranked_model_freeze (lists->places);
  atlas_ranked_model_set_ranked (lists->news, atlas_browse_filter_get_ranked (browse));
  atlas_ranked_model_set_ranked (lists->places, atlas_browse_filter_get_ranked (browse));
  if (!unchanged)
    {
      gtk_filter_changed (lists->news_filter, change);
      gtk_filter_changed (lists->places_filter, change);
    }

  start = g_get_monotonic_time ();
  if (!unchanged)
    {
      atlas_ranked_model_rerank (lists->news);
      atlas_ranked_model_rerank (lists->places);
    }
  atlas_ranked_model_thaw (lists->news);
  atlas_ranked_model_thaw (lists->places);
  lists->rank_ms = (g_get_monotonic_time () - start) / 1000.0;
}

/* The same keystrokes through the match functions alone, over every item:
 * what the search costs without the list models around it.
 */
static void
print_direct (AtlasDataset       *dataset,
              AtlasBrowseFilter  *browse,
              const char * const *queries)
{
  GListModel *articles = atlas_dataset_get_articles (dataset);
  GListModel *places = atlas_dataset_get_places (dataset);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint q = 0; queries[q] != NULL; q++)
    for (const char *end = queries[q]; *end != '\0'; )
      {
        g_autofree char *typed = NULL;
        gint64 start;
        double ms;

        end = g_utf8_next_char (end);
        typed = g_strndup (queries[q], end - queries[q]);
        start = g_get_monotonic_time ();
        atlas_browse_filter_set_search (browse, typed);
        for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
          {
            g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, i);

            atlas_browse_filter_match_article (browse, dataset, article);
          }
        for (guint i = 0; i < g_list_model_get_n_items (places); i++)
          {
            g_autoptr(AtlasPlace) place = g_list_model_get_item (places, i);

            atlas_browse_filter_match_place (browse, dataset, place);
          }
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (samples, ms);
      }

  g_print ("search %s, match functions alone over every item: median %.2f ms  p95 %.2f ms\n",
           "(same keystrokes)", percentile (samples, 50), percentile (samples, 95));
}

/* One keystroke: the search set and both lists refiltered. Never inlined,
 * so that callgrind can count it alone:
 * `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=type_keystroke`.
 */
static G_GNUC_NO_INLINE double
type_keystroke (AtlasBrowseFilter *browse,
                const char        *typed,
                GListModel        *news,
                GListModel        *places)
{
  gint64 start = g_get_monotonic_time ();

  atlas_browse_filter_set_search (browse, typed);
  g_list_model_get_n_items (news);
  g_list_model_get_n_items (places);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Types each query a letter at a time, as into the search entry, and times
 * each keystroke from setting the search to both lists being refiltered and
 * ranked; and the ranking alone.
 */
static int
search (const char         *dir,
        const char * const *queries,
        guint               rounds)
{
  g_autoptr(AtlasDataset) dataset = bench_load (dir);
  g_autoptr(AtlasBrowseFilter) browse = atlas_browse_filter_new ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rank_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GtkFilter) news_filter = NULL;
  g_autoptr(GtkFilter) places_filter = NULL;
  g_autoptr(GListModel) news_matches = NULL;
  g_autoptr(GListModel) places_matches = NULL;
  g_autoptr(GListModel) news = NULL;
  g_autoptr(GListModel) places = NULL;
  Match match = { browse, dataset };
  Lists lists = { NULL, };

  g_print ("search index: %u items, %.1f MiB\n",
           _atlas_search_index_get_n_items (_atlas_dataset_get_search_index (dataset)),
           _atlas_search_index_get_size (_atlas_dataset_get_search_index (dataset)) / 1048576.0);

  news_filter = GTK_FILTER (gtk_custom_filter_new (match_article, &match, NULL));
  places_filter = GTK_FILTER (gtk_custom_filter_new (match_place, &match, NULL));
  news_matches = filtered_news (dataset, news_filter);
  places_matches = filtered_list (atlas_dataset_get_places (dataset), NULL, places_filter);
  news = G_LIST_MODEL (atlas_ranked_model_new (GTK_FILTER_LIST_MODEL (news_matches), rank_item,
                                               &match));
  places = G_LIST_MODEL (atlas_ranked_model_new (GTK_FILTER_LIST_MODEL (places_matches),
                                                 rank_item, &match));
  atlas_ranked_model_set_rank_items_func (ATLAS_RANKED_MODEL (news), rank_items, &match);
  atlas_ranked_model_set_rank_items_func (ATLAS_RANKED_MODEL (places), rank_items, &match);
  lists.news_filter = news_filter;
  lists.places_filter = places_filter;
  lists.news = ATLAS_RANKED_MODEL (news);
  lists.places = ATLAS_RANKED_MODEL (places);

  /* As the sidebar does, MORE_STRICT when the search only narrowed, and
   * nothing when its words stayed the same.
   */
  g_signal_connect (browse, "changed", G_CALLBACK (refilter), &lists);

  for (guint round = 0; round < rounds; round++)
    for (guint q = 0; queries[q] != NULL; q++)
      {
        const char *end = queries[q];

        while (*end != '\0')
          {
            g_autofree char *typed = NULL;
            double ms;

            end = g_utf8_next_char (end);
            typed = g_strndup (queries[q], end - queries[q]);
            ms = type_keystroke (browse, typed, news, places);
            if (round == rounds - 1)
              g_print ("  \"%s\": %u news, %u places, %.2f ms\n", typed,
                       g_list_model_get_n_items (news), g_list_model_get_n_items (places), ms);
            g_array_append_val (samples, ms);
            g_array_append_val (rank_samples, lists.rank_ms);
          }
        atlas_browse_filter_set_search (browse, "");
      }

  g_print ("search %s: %u keystrokes  median %.2f ms  p95 %.2f ms  max %.2f ms\n",
           dir, samples->len, percentile (samples, 50), percentile (samples, 95),
           percentile (samples, 100));
  g_print ("search %s, of which the ranked models (filter, score, sort): "
           "median %.2f ms  p95 %.2f ms  max %.2f ms\n",
           "(same keystrokes)", percentile (rank_samples, 50), percentile (rank_samples, 95),
           percentile (rank_samples, 100));
  print_direct (dataset, browse, queries);

  return 0;
}

/* Panning ---------------------------------------------------------------- */

#define PAN_WARM_UP_FRAMES 30

typedef struct
{
  AtlasMapView *view;
  GArray       *work;      /* update to after-paint of each frame, ms */
  GArray       *intervals; /* between the frame times of successive frames, ms */
  gint64        started;
  gint64        last_frame_time;
  guint         frame;
  guint         frames;
  double        lat;
  double        lon;
  double        zoom;
  guint         most_pins;
} Pan;

static void
on_update (GdkFrameClock *clock,
           Pan           *pan)
{
  pan->started = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Pan           *pan)
{
  double ms = (g_get_monotonic_time () - pan->started) / 1000.0;

  if (pan->started != 0 && pan->frame > PAN_WARM_UP_FRAMES)
    g_array_append_val (pan->work, ms);
}

/* Each frame moves the map a little, in a slow figure of eight over the
 * province, as a hand dragging it would.
 */
static gboolean
pan_tick (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  Pan *pan = user_data;
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  double t = pan->frame / 60.0;
  g_autoptr(GList) pins = _atlas_map_view_get_pins (pan->view);

  if (pan->last_frame_time != 0 && pan->frame > PAN_WARM_UP_FRAMES)
    {
      double ms = (frame_time - pan->last_frame_time) / 1000.0;

      g_array_append_val (pan->intervals, ms);
    }
  pan->last_frame_time = frame_time;
  pan->most_pins = MAX (pan->most_pins, g_list_length (pins));

  shumate_location_set_location (SHUMATE_LOCATION (atlas_map_view_get_viewport (pan->view)),
                                 pan->lat + 0.12 * sin (t), pan->lon + 0.25 * sin (t / 2));

  return ++pan->frame < pan->frames + PAN_WARM_UP_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* A 1280×800 window with the map on its offline basemap, fitted to the
 * geopark; NULL if it would not show.
 */
static GtkWindow *
show_map (AtlasDataset  *dataset,
          AtlasGeopark  *geopark,
          AtlasMapView **view)
{
  GtkWindow *window;
  gint64 deadline;

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PREFIX "/icons");

  *view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  /* Nothing answers there: the map draws its own offline basemap, as
   * without a network, and no tile server is asked for anything.
   */
  atlas_map_view_set_tile_url (*view, "http://127.0.0.1:9/{z}/{x}/{y}.png");
  _atlas_map_view_set_animated (*view, FALSE);
  atlas_map_view_set_dataset (*view, dataset);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, GTK_WIDGET (*view));
  gtk_window_present (window);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((gtk_widget_get_width (GTK_WIDGET (*view)) < 1000 ||
          !atlas_map_view_get_offline (*view)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  /* Fitting needs the final size; a window manager may still be placing it. */
  while (shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (*view)) < 8 &&
         g_get_monotonic_time () < deadline)
    {
      atlas_map_view_fit_geopark (*view, geopark, FALSE);
      g_main_context_iteration (NULL, TRUE);
    }
  if (shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (*view)) < 8)
    {
      g_printerr ("the map did not zoom to %s\n", atlas_geopark_get_id (geopark));
      gtk_window_destroy (window);
      return NULL;
    }

  return window;
}

static int
pan (const char *dir,
     const char *geopark_id,
     guint       frames)
{
  g_autoptr(AtlasDataset) dataset = bench_load (dir);
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  AtlasGeopark *geopark = atlas_dataset_lookup_geopark (dataset, geopark_id);
  GtkWindow *window;
  GdkFrameClock *clock;
  Pan pan = { NULL, work, intervals, 0, 0, 0, frames, 0, 0, 0, 0 };

  if (geopark == NULL)
    {
      g_printerr ("no geopark %s\n", geopark_id);
      return 1;
    }

  if ((window = show_map (dataset, geopark, &pan.view)) == NULL)
    return 1;
  pan.lat = shumate_location_get_latitude (SHUMATE_LOCATION (atlas_map_view_get_viewport (pan.view)));
  pan.lon = shumate_location_get_longitude (SHUMATE_LOCATION (atlas_map_view_get_viewport (pan.view)));
  pan.zoom = shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (pan.view));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (on_update), &pan);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &pan);
  gtk_widget_add_tick_callback (GTK_WIDGET (pan.view), pan_tick, &pan, NULL);

  while (pan.frame < frames + PAN_WARM_UP_FRAMES)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handlers_disconnect_by_data (clock, &pan);
  g_print ("pan %s over %s at zoom %.1f: %u frames, at most %u pins  "
           "frame work median %.2f ms  p95 %.2f ms  max %.2f ms; "
           "frame interval median %.2f ms  p95 %.2f ms\n",
           dir, geopark_id, pan.zoom, work->len, pan.most_pins,
           percentile (work, 50), percentile (work, 95), percentile (work, 100),
           percentile (intervals, 50), percentile (intervals, 95));
  gtk_window_destroy (window);

  return 0;
}

static void
refilter_places (AtlasBrowseFilter *browse,
                 GtkFilter         *places_filter)
{
  if (!atlas_browse_filter_get_matches_unchanged (browse))
    gtk_filter_changed (places_filter, atlas_browse_filter_get_narrowed (browse)
                                       ? GTK_FILTER_CHANGE_MORE_STRICT
                                       : GTK_FILTER_CHANGE_DIFFERENT);
}

/* The map's part of a keystroke, which it does at the next frame: the
 * places found looked at, and the pins near the view shown as found or
 * not. Never inlined, so that callgrind can count it alone:
 * `--collect-atstart=no --toggle-collect=map_keystroke`.
 */
static G_GNUC_NO_INLINE double
map_keystroke (AtlasMapView *view)
{
  gint64 start = g_get_monotonic_time ();

  _atlas_map_view_flush_search_results (view);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Types each query a letter at a time, with the map fitted to the geopark
 * showing the places found, and times the map's part of each keystroke.
 */
static int
map_search (const char         *dir,
            const char         *geopark_id,
            const char * const *queries,
            guint               rounds)
{
  g_autoptr(AtlasDataset) dataset = bench_load (dir);
  g_autoptr(AtlasBrowseFilter) browse = atlas_browse_filter_new ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GtkFilter) places_filter = NULL;
  g_autoptr(GListModel) places = NULL;
  AtlasGeopark *geopark = atlas_dataset_lookup_geopark (dataset, geopark_id);
  Match match = { browse, dataset };
  AtlasMapView *view;
  GtkWindow *window;
  guint most_pins = 0;

  if (geopark == NULL)
    {
      g_printerr ("no geopark %s\n", geopark_id);
      return 1;
    }
  if ((window = show_map (dataset, geopark, &view)) == NULL)
    return 1;

  places_filter = GTK_FILTER (gtk_custom_filter_new (match_place, &match, NULL));
  places = filtered_list (atlas_dataset_get_places (dataset), NULL, places_filter);
  g_signal_connect (browse, "changed", G_CALLBACK (refilter_places), places_filter);
  atlas_map_view_set_search_results (view, places);

  for (guint round = 0; round < rounds; round++)
    for (guint q = 0; queries[q] != NULL; q++)
      {
        const char *end = queries[q];

        while (*end != '\0')
          {
            g_autofree char *typed = NULL;
            g_autoptr(GList) pins = NULL;
            double ms;

            end = g_utf8_next_char (end);
            typed = g_strndup (queries[q], end - queries[q]);
            atlas_browse_filter_set_search (browse, typed);
            ms = map_keystroke (view);
            pins = _atlas_map_view_get_pins (view);
            most_pins = MAX (most_pins, g_list_length (pins));
            if (round == rounds - 1)
              g_print ("  \"%s\": %u places found, %.2f ms\n", typed,
                       g_list_model_get_n_items (places), ms);
            g_array_append_val (samples, ms);
          }
        atlas_browse_filter_set_search (browse, "");
        _atlas_map_view_flush_search_results (view);
      }

  g_print ("map-search %s over %s: %u keystrokes, at most %u pins  "
           "map's part median %.2f ms  p95 %.2f ms  max %.2f ms\n",
           dir, geopark_id, samples->len, most_pins, percentile (samples, 50),
           percentile (samples, 95), percentile (samples, 100));
  gtk_window_destroy (window);

  return 0;
}

/* What an article's page asks the dataset for: its "see also", weighed
 * from the link indexes, for 200 articles spread over the list.
 */
static int
links (const char *dir)
{
  g_autoptr(AtlasDataset) dataset = bench_load (dir);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *articles = atlas_dataset_get_articles (dataset);
  guint n = g_list_model_get_n_items (articles);
  guint step = MAX (1, n / 200);
  guint n_related = 0;

  for (guint i = 0; i < n; i += step)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, i);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) related = atlas_dataset_get_related_articles (dataset, article, 5);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
      n_related += related->len;
    }

  g_print ("links %s: related articles of %u articles (%u found)  median %.2f ms  p95 %.2f ms  max %.2f ms\n",
           dir, times->len, n_related, percentile (times, 50), percentile (times, 95),
           percentile (times, 100));
  return 0;
}

/* Opening a folder in the app's window, as Open Dataset… does: a tick
 * callback asks for a frame every vblank, so the gaps between frames are
 * how long the main thread was busy. "Loaded" is when the source says so;
 * "shown", the end of the first frame drawn after it.
 */
typedef struct
{
  AtlasDatasetSource *source;
  AtlasMapView       *map_view;
  GArray             *loading;    /* frame intervals while loading, ms */
  GArray             *after;      /* the intervals of the frames after it */
  gint64              last_frame;
  gint64              loaded;
  gint64              shown;
  double              map_ms;     /* the map taking the new places */
  guint               n_progress; /* progress values the window was given while loading */
  gint64              started;
  double              longest_gap;     /* ms, between two frames while loading */
  double              longest_gap_at;  /* ms after the load started, at its end */
} Opening;

static gboolean
opening_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  Opening *opening = user_data;
  gint64 now = g_get_monotonic_time ();

  if (opening->last_frame != 0)
    {
      double ms = (now - opening->last_frame) / 1000.0;

      if (opening->loaded == 0 && ms > opening->longest_gap)
        {
          opening->longest_gap = ms;
          opening->longest_gap_at = (now - opening->started) / 1000.0;
        }
      g_array_append_val (opening->loaded == 0 ? opening->loading : opening->after, ms);
    }
  opening->last_frame = now;

  if (opening->loaded != 0 && opening->shown == 0)
    opening->shown = now;

  return G_SOURCE_CONTINUE;
}

/* The map's part of the swap, timed where it happens: its own handler of
 * the places' change is blocked, and this one, connected after the
 * window's, gives the map the dataset again, which makes it take the new
 * places just as that handler would have.
 */
static void
on_places_swapped (GListModel *places,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Opening    *opening)
{
  gint64 start = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (places, on_places_swapped, opening);
  atlas_map_view_set_dataset (opening->map_view, atlas_dataset_source_get_dataset (opening->source));
  opening->map_ms = (g_get_monotonic_time () - start) / 1000.0;
}

static void
on_progress_changed (AtlasDatasetSource *source,
                     GParamSpec         *pspec,
                     Opening            *opening)
{
  if (opening->loaded == 0)
    opening->n_progress++;
}

static void
on_loading_changed (AtlasDatasetSource *source,
                    GParamSpec         *pspec,
                    Opening            *opening)
{
  if (!atlas_dataset_source_get_loading (source) && opening->loaded == 0)
    opening->loaded = g_get_monotonic_time ();
}

static gboolean
on_waited (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while, without spinning. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_waited, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static int
open_folder (const char *dir)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GArray) loading = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(AtlasDatasetSource) source = NULL;
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (dir);
  Opening opening = { NULL, NULL, loading, after, 0, 0, 0, 0 };
  GListModel *places;
  AtlasWindow *window;
  gint64 started;
  gint64 deadline;
  guint n_long = 0;
  long before_kib;

  gtk_init ();
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PREFIX "/icons");
  settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  g_settings_set_string (settings, "tile-url", "http://127.0.0.1:9/{z}/{x}/{y}.png");

  source = atlas_dataset_source_new ();
  opening.source = source;
  window = _atlas_window_new_with_settings (NULL, settings, source);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* Settled: the bundled data drawn, the window at its size. */
  wait_ms (3000);

  before_kib = peak_rss_kib ();
  opening.map_view = window->map_view;
  places = atlas_dataset_get_places (atlas_dataset_source_get_dataset (source));
  g_signal_handlers_block_matched (places, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, window->map_view);
  g_signal_connect (places, "items-changed", G_CALLBACK (on_places_swapped), &opening);
  g_signal_connect (source, "notify::loading", G_CALLBACK (on_loading_changed), &opening);
  g_signal_connect (source, "notify::progress", G_CALLBACK (on_progress_changed), &opening);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), opening_tick, &opening, NULL);
  started = g_get_monotonic_time ();
  opening.started = started;
  atlas_dataset_source_set_folder (source, folder);

  deadline = started + 60 * G_USEC_PER_SEC;
  while ((opening.shown == 0 || after->len < 30) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  if (atlas_dataset_source_get_status (source) != ATLAS_DATASET_STATUS_OK || opening.shown == 0)
    {
      g_printerr ("%s did not load\n", dir);
      return 1;
    }

  for (guint i = 0; i < loading->len; i++)
    n_long += g_array_index (loading, double, i) > 100.0;
  for (guint i = 0; i < after->len; i++)
    n_long += g_array_index (after, double, i) > 100.0;

  g_print ("open %s: loaded %.0f ms, shown %.0f ms; "
           "while loading %u frames, interval median %.1f ms, max %.1f ms; "
           "showing it: longest frame %.1f ms; %u frames over 100 ms; "
           "peak RSS %.1f MiB (%.1f MiB before)\n",
           dir, (opening.loaded - started) / 1000.0, (opening.shown - started) / 1000.0,
           loading->len,
           loading->len > 0 ? percentile (loading, 50) : 0.0,
           loading->len > 0 ? percentile (loading, 100) : 0.0,
           percentile (after, 100), n_long,
           peak_rss_kib () / 1024.0, before_kib / 1024.0);

  g_print ("open %s: the map's part of the swap %.1f ms\n", dir, opening.map_ms);
  /* The frame clock asks for a frame every vblank: the longest gap between
   * two frames while the folder loads is the longest the main thread was
   * busy meanwhile.
   */
  g_print ("open %s: longest main-thread frame gap while loading %.1f ms, ending %.0f ms "
           "into the load; progress shown %u times\n",
           dir, opening.longest_gap, opening.longest_gap_at, opening.n_progress);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* Flying ----------------------------------------------------------------- */

#define FLY_STOPS 6

typedef struct
{
  AtlasMapView *view;
  GPtrArray    *stops;     /* AtlasPlace */
  GArray       *work;
  GArray       *intervals;
  gint64        started;
  gint64        last_frame_time;
  gint64        flight_started;
  guint         next;
  guint         flights;
  guint         frames;
  gboolean      flying;
  double        lowest_zoom;
  guint         most_pins;
} Fly;

static gboolean fly_to_next (gpointer user_data);

static void
on_fly_update (GdkFrameClock *clock,
               Fly           *fly)
{
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);

  fly->started = g_get_monotonic_time ();
  /* The first flight, from the whole geopark, warms up; then each frame
   * of a flight counts, and the interval from the flight's previous frame.
   */
  if (fly->flying && fly->flights > 1 && fly->last_frame_time != 0)
    {
      double ms = (frame_time - fly->last_frame_time) / 1000.0;

      g_array_append_val (fly->intervals, ms);
    }
  fly->last_frame_time = fly->flying ? frame_time : 0;
}

static void
on_fly_after_paint (GdkFrameClock *clock,
                    Fly           *fly)
{
  double ms = (g_get_monotonic_time () - fly->started) / 1000.0;
  g_autoptr(GList) pins = NULL;

  if (!fly->flying || fly->flights < 2 || fly->started == 0)
    return;

  pins = _atlas_map_view_get_pins (fly->view);
  fly->most_pins = MAX (fly->most_pins, g_list_length (pins));
  fly->lowest_zoom = MIN (fly->lowest_zoom,
                          shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (fly->view)));
  g_array_append_val (fly->work, ms);
}

static void
on_flight_done (ShumateMap *map,
                Fly        *fly)
{
  if (!fly->flying)
    return;

  fly->flying = FALSE;
  fly->last_frame_time = 0;
  if (fly->work->len < fly->frames)
    g_idle_add (fly_to_next, fly);
}

/* As opening a place in the app does: select it, fly to it. Called from an
 * idle, as a click would be, so that regrouping the pins for the selection
 * is not counted as a frame of the flight.
 */
static gboolean
fly_to_next (gpointer user_data)
{
  Fly *fly = user_data;
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  AtlasPlace *place = g_ptr_array_index (fly->stops, fly->next++ % fly->stops->len);

  g_ptr_array_add (places, place);
  fly->flying = TRUE;
  fly->flights++;
  fly->flight_started = g_get_monotonic_time ();
  atlas_map_view_select_place (fly->view, place);
  atlas_map_view_fit_places (fly->view, places, TRUE);

  return G_SOURCE_REMOVE;
}

static gboolean
keep_awake (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Some places of the geopark, spread over its list. */
static GPtrArray *
pick_stops (AtlasDataset *dataset,
            const char   *geopark_id)
{
  GListModel *places = atlas_dataset_get_places (dataset);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *stops = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (places, i);

      if (g_strcmp0 (atlas_place_get_geopark_id (place), geopark_id) == 0)
        g_ptr_array_add (all, g_object_ref (place));
    }

  for (guint i = 0; i < FLY_STOPS && all->len > 0; i++)
    g_ptr_array_add (stops, g_object_ref (g_ptr_array_index (all, i * all->len / FLY_STOPS)));

  return stops;
}

/* Flies from place to place of the geopark, as opening one after another
 * does, and times every frame of the flights.
 */
static int
fly (const char *dir,
     const char *geopark_id,
     guint       frames)
{
  g_autoptr(AtlasDataset) dataset = bench_load (dir);
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) stops = pick_stops (dataset, geopark_id);
  AtlasGeopark *geopark = atlas_dataset_lookup_geopark (dataset, geopark_id);
  Fly fly = { .work = work, .intervals = intervals, .stops = stops, .frames = frames,
              .lowest_zoom = G_MAXDOUBLE };
  GdkFrameClock *clock;
  GtkWindow *window;
  gint64 deadline;
  guint wake;

  if (geopark == NULL || stops->len < 2)
    {
      g_printerr ("no geopark %s, or fewer than two places in it\n", geopark_id);
      return 1;
    }

  if ((window = show_map (dataset, geopark, &fly.view)) == NULL)
    return 1;

  /* The app's own animations, as on a desktop. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  _atlas_map_view_set_animated (fly.view, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (on_fly_update), &fly);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_fly_after_paint), &fly);
  g_signal_connect (_atlas_map_view_get_map (fly.view), "animation-completed::go-to",
                    G_CALLBACK (on_flight_done), &fly);
  fly_to_next (&fly);

  /* Wakes the loop below, should a flight end without saying so. */
  wake = g_timeout_add (100, keep_awake, NULL);
  deadline = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
  while (work->len < frames && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      if (fly.flying && g_get_monotonic_time () - fly.flight_started > 5 * G_USEC_PER_SEC)
        on_flight_done (NULL, &fly);
    }
  g_source_remove (wake);

  g_signal_handlers_disconnect_by_data (clock, &fly);
  g_signal_handlers_disconnect_by_data (_atlas_map_view_get_map (fly.view), &fly);
  if (work->len == 0)
    {
      g_printerr ("no frame was drawn while flying\n");
      return 1;
    }
  g_print ("fly %s between %u places of %s, %u flights (first not counted), zoom %.1f–%.1f: "
           "%u frames, at most %u pins  frame work median %.2f ms  p95 %.2f ms  max %.2f ms; "
           "frame interval median %.2f ms  p95 %.2f ms\n",
           dir, stops->len, geopark_id, fly.flights, fly.lowest_zoom,
           shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (fly.view)),
           work->len, fly.most_pins, percentile (work, 50), percentile (work, 95),
           percentile (work, 100), percentile (intervals, 50), percentile (intervals, 95));
  gtk_window_destroy (window);

  return 0;
}

G_GNUC_NORETURN static void
usage (void)
{
  g_printerr ("usage: atlas-bench load [--runs N] [DIR]\n"
              "       atlas-bench search [--rounds N] DIR QUERY...\n"
              "       atlas-bench map-search [--rounds N] DIR GEOPARK QUERY...\n"
              "       atlas-bench pan [--frames N] DIR GEOPARK\n"
              "       atlas-bench fly [--frames N] DIR GEOPARK\n"
              "       atlas-bench open DIR\n"
              "       atlas-bench links DIR\n");
  exit (2);
}

int
main (int   argc,
      char *argv[])
{
  guint count = 7;
  int first = 2;

  /* Queries and paths are printed as typed, in UTF-8. */
  setlocale (LC_ALL, "C.UTF-8");

  if (argc < 2)
    usage ();

  if (argc > 3 && (g_str_equal (argv[2], "--runs") || g_str_equal (argv[2], "--rounds") ||
                   g_str_equal (argv[2], "--frames")))
    {
      count = (guint) MAX (1, atoi (argv[3]));
      first = 4;
    }

  if (g_str_equal (argv[1], "load-once"))
    return load_once (argc > 2 ? argv[2] : NULL);
  if (g_str_equal (argv[1], "load"))
    return load_runs (argv[0], argc > first ? argv[first] : NULL, count);
  if (g_str_equal (argv[1], "search") && argc > first + 1)
    return search (argv[first], (const char * const *) argv + first + 1, count);

  if (g_str_equal (argv[1], "map-search") && argc > first + 2)
    return map_search (argv[first], argv[first + 1], (const char * const *) argv + first + 2,
                       count);

  if (g_str_equal (argv[1], "links") && argc == 3)
    return links (argv[2]);

  if (g_str_equal (argv[1], "open") && argc == 3)
    return open_folder (argv[2]);

  if (g_str_equal (argv[1], "pan") && argc == first + 2)
    return pan (argv[first], argv[first + 1], first == 2 ? 300 : count);
  if (g_str_equal (argv[1], "fly") && argc == first + 2)
    return fly (argv[first], argv[first + 1], first == 2 ? 300 : count);

  usage ();
  return 2;
}
