/* test-dataset-source.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dataset-source"

#include "config.h"

#include <json-glib/json-glib.h>

#include "atlas-dataset-source-private.h"
#include "atlas-test-utils.h"

static guint
n_articles (AtlasDatasetSource *source)
{
  return g_list_model_get_n_items (atlas_dataset_get_articles (atlas_dataset_source_get_dataset (source)));
}

static void
test_bundled_by_default (void)
{
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();

  g_assert_null (atlas_dataset_source_get_folder (source));
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  g_assert_cmpuint (g_strv_length ((char **) atlas_dataset_source_get_problems (source)), ==, 0);
  g_assert_cmpuint (n_articles (source), >, 40);
}

/* A bundled dataset with a problem (only a damaged installation has one)
 * fails: an empty atlas is no last good version to show. The bundled files
 * are replaced with GLib's resource overlays, which a process reads once,
 * hence the subprocess.
 */
static void
test_broken_bundled_fails (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "fixtures", "datasets", "bad",
                                                       "unsupported-format", NULL);
      g_autofree char *overlay = g_strconcat (RESOURCE_PREFIX "/dataset=", broken, NULL);
      g_autoptr(AtlasDatasetSource) source = NULL;

      g_setenv ("G_RESOURCE_OVERLAYS", overlay, TRUE);
      source = atlas_dataset_source_new ();
      g_assert_null (atlas_dataset_source_get_folder (source));
      g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_FAILED);
      g_assert_cmpuint (g_strv_length ((char **) atlas_dataset_source_get_problems (source)), ==, 1);
      g_assert_cmpuint (n_articles (source), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A broken edit keeps the last good data; fixing it recovers. */
static void
test_broken_edit_keeps_last_good (void)
{
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *good = NULL;
  g_autofree char *path = g_build_filename (dir, "news.json", NULL);
  const char * const *problems;

  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  g_assert_cmpuint (n_articles (source), ==, 3);

  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));
  atlas_test_write (dir, "news.json", "{ \"items\": [ ");
  _atlas_dataset_source_reload (source);
  /* The last good data stays meanwhile. */
  g_assert_true (atlas_dataset_source_get_loading (source));
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  atlas_test_wait_loaded (source);

  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_STALE);
  problems = atlas_dataset_source_get_problems (source);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 1);
  g_assert_true (g_str_has_prefix (problems[0], "news.json: $: not valid JSON"));
  g_assert_cmpuint (n_articles (source), ==, 3);

  atlas_test_write (dir, "news.json", good);
  _atlas_dataset_source_reload (source);
  atlas_test_wait_loaded (source);
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  g_assert_cmpuint (g_strv_length ((char **) atlas_dataset_source_get_problems (source)), ==, 0);

  atlas_test_remove_dataset (dir);
}

/* A folder that never loaded has nothing of its own to show. */
static void
test_bad_folder_fails (void)
{
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  atlas_test_write (dir, "places.json", "[]");
  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_FAILED);

  /* Still failing after another broken save: not "stale", there is no good version. */
  _atlas_dataset_source_reload (source);
  atlas_test_wait_loaded (source);
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_FAILED);

  atlas_dataset_source_set_folder (source, NULL);
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  g_assert_cmpuint (n_articles (source), >, 40);

  atlas_test_remove_dataset (dir);
}

static void
on_status_changed (GObject    *object,
                   GParamSpec *pspec,
                   gboolean   *changed)
{
  *changed = TRUE;
}

static void
wait_for_status (AtlasDatasetSource *source,
                 AtlasDatasetStatus  status)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (atlas_dataset_source_get_status (source) != status &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* Saving a file in the folder reloads it, without anyone asking. */
static void
test_watches_folder (void)
{
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  gboolean changed = FALSE;

  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  g_signal_connect (source, "notify::status", G_CALLBACK (on_status_changed), &changed);

  atlas_test_write (dir, "geoparks.json", "{\"items\": [{\"id\": \"caobang\"}]}");
  wait_for_status (source, ATLAS_DATASET_STATUS_STALE);
  g_assert_true (changed);
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_STALE);

  atlas_test_remove_dataset (dir);
}

static void
on_progress (AtlasDatasetSource *source,
             GParamSpec         *pspec,
             GArray             *seen)
{
  double progress = atlas_dataset_source_get_progress (source);

  g_array_append_val (seen, progress);
}

static void
on_articles_changed (GListModel *articles,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *counts)
{
  guint n = g_list_model_get_n_items (articles);

  g_array_append_val (counts, n);
}

/* A folder loads while the main loop runs: what was shown stays until it
 * is done, and the progress only goes forward.
 */
static void
test_loads_in_background (void)
{
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_make_large_dataset (3000);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_bundled = n_articles (source);

  g_signal_connect (source, "notify::progress", G_CALLBACK (on_progress), seen);
  atlas_dataset_source_set_folder (source, folder);

  g_assert_true (atlas_dataset_source_get_loading (source));
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_LOADING);
  g_assert_cmpuint (n_articles (source), ==, n_bundled);

  atlas_test_wait_loaded (source);
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  g_assert_cmpuint (n_articles (source), ==, 3000);

  g_assert_cmpuint (seen->len, >=, 1);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i - 1), <, g_array_index (seen, double, i));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);

  atlas_test_remove_dataset (dir);
}

/* Opening another folder, or going back to the bundled data, while a
 * folder loads: the load that was overtaken never shows.
 */
/* The last reference to a folder may go in a worker thread (a load's, or
 * GLib's for a file monitor), which does not wake the main context up by
 * itself.
 */
static void
on_folder_finalized (gpointer  data,
                     GObject  *where_the_object_was)
{
  int *gone = data;

  g_atomic_int_set (gone, TRUE);
  g_main_context_wakeup (NULL);
}

static void
test_newer_load_wins (void)
{
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *large = atlas_test_make_large_dataset (3000);
  g_autofree char *empty = atlas_test_copy_dataset ("empty");
  GFile *large_folder = g_file_new_for_path (large);
  int large_folder_gone = FALSE;
  g_autoptr(GFile) empty_folder = g_file_new_for_path (empty);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *articles = atlas_dataset_get_articles (atlas_dataset_source_get_dataset (source));
  guint n_bundled = n_articles (source);

  g_signal_connect (articles, "items-changed", G_CALLBACK (on_articles_changed), counts);

  atlas_dataset_source_set_folder (source, large_folder);
  atlas_dataset_source_set_folder (source, empty_folder);
  atlas_test_wait_loaded (source);
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  g_assert_cmpuint (n_articles (source), ==, 0);

  atlas_dataset_source_set_folder (source, large_folder);
  atlas_dataset_source_set_folder (source, NULL);
  g_assert_false (atlas_dataset_source_get_loading (source));
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  g_assert_cmpuint (n_articles (source), ==, n_bundled);

  /* The overtaken loads hold the large folder until they have finished in
   * their threads and their results have come back here: once it is gone,
   * whatever they would have shown would be shown.
   */
  g_object_weak_ref (G_OBJECT (large_folder), on_folder_finalized, &large_folder_gone);
  g_object_unref (large_folder);
  while (!g_atomic_int_get (&large_folder_gone))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  g_assert_cmpuint (n_articles (source), ==, n_bundled);
  for (guint i = 0; i < counts->len; i++)
    g_assert_cmpuint (g_array_index (counts, guint, i), !=, 3000);

  atlas_test_remove_dataset (large);
  atlas_test_remove_dataset (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset-source/bundled-by-default", test_bundled_by_default);
  g_test_add_func ("/dataset-source/broken-bundled-fails", test_broken_bundled_fails);
  g_test_add_func ("/dataset-source/broken-edit-keeps-last-good", test_broken_edit_keeps_last_good);
  g_test_add_func ("/dataset-source/bad-folder-fails", test_bad_folder_fails);
  g_test_add_func ("/dataset-source/watches-folder", test_watches_folder);
  g_test_add_func ("/dataset-source/loads-in-background", test_loads_in_background);
  g_test_add_func ("/dataset-source/newer-load-wins", test_newer_load_wins);

  return g_test_run ();
}
