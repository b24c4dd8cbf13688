/* test-dataset-source.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-dataset-source.h"
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
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_OK);
  g_assert_cmpuint (n_articles (source), ==, 3);

  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));
  atlas_test_write (dir, "news.json", "{ \"items\": [ ");
  atlas_dataset_source_reload (source);

  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_STALE);
  problems = atlas_dataset_source_get_problems (source);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 1);
  g_assert_true (g_str_has_prefix (problems[0], "news.json: $: not valid JSON"));
  g_assert_cmpuint (n_articles (source), ==, 3);

  atlas_test_write (dir, "news.json", good);
  atlas_dataset_source_reload (source);
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
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_FAILED);

  /* Still failing after another broken save: not "stale", there is no good version. */
  atlas_dataset_source_reload (source);
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
  g_signal_connect (source, "notify::status", G_CALLBACK (on_status_changed), &changed);

  atlas_test_write (dir, "geoparks.json", "{\"items\": [{\"id\": \"caobang\"}]}");
  wait_for_status (source, ATLAS_DATASET_STATUS_STALE);
  g_assert_true (changed);
  g_assert_cmpint (atlas_dataset_source_get_status (source), ==, ATLAS_DATASET_STATUS_STALE);

  atlas_test_remove_dataset (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset-source/bundled-by-default", test_bundled_by_default);
  g_test_add_func ("/dataset-source/broken-edit-keeps-last-good", test_broken_edit_keeps_last_good);
  g_test_add_func ("/dataset-source/bad-folder-fails", test_bad_folder_fails);
  g_test_add_func ("/dataset-source/watches-folder", test_watches_folder);

  return g_test_run ();
}
