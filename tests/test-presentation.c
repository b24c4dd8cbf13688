/* test-presentation.c: a tour driven as a clicker drives it.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-presentation"

#include "config.h"

#include "atlas-presentation.h"

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_steps (void)
{
  static const char *ids[] = { "a", "b", "c", "d", NULL };
  g_autoptr(AtlasPresentation) tour = atlas_presentation_new (ids, 1);
  guint moves = 0;

  g_signal_connect (tour, "notify::position", G_CALLBACK (on_notify), &moves);
  g_assert_cmpuint (atlas_presentation_get_n_steps (tour), ==, 4);
  g_assert_cmpstr (atlas_presentation_get_id (tour), ==, "b");

  /* Three forward, one back. */
  g_assert_true (atlas_presentation_next (tour));
  g_assert_true (atlas_presentation_next (tour));
  g_assert_false (atlas_presentation_next (tour));
  g_assert_true (atlas_presentation_previous (tour));
  g_assert_cmpstr (atlas_presentation_get_id (tour), ==, "c");
  g_assert_cmpuint (moves, ==, 3);

  g_assert_true (atlas_presentation_first (tour));
  g_assert_false (atlas_presentation_previous (tour));
  g_assert_false (atlas_presentation_first (tour));
  g_assert_true (atlas_presentation_last (tour));
  g_assert_cmpstr (atlas_presentation_get_id (tour), ==, "d");
  g_assert_cmpuint (atlas_presentation_get_position (tour), ==, 3);
}

/* B blanks the screen; the next step shows it again. */
static void
test_blank (void)
{
  static const char *ids[] = { "a", "b", NULL };
  g_autoptr(AtlasPresentation) tour = atlas_presentation_new (ids, 0);
  guint changes = 0;

  g_signal_connect (tour, "notify::blanked", G_CALLBACK (on_notify), &changes);
  atlas_presentation_set_blanked (tour, TRUE);
  atlas_presentation_set_blanked (tour, TRUE);
  g_assert_true (atlas_presentation_get_blanked (tour));
  g_assert_cmpuint (changes, ==, 1);
  atlas_presentation_next (tour);
  g_assert_false (atlas_presentation_get_blanked (tour));
}

/* Nothing to show: no step, and no move. */
static void
test_empty (void)
{
  static const char *none[] = { NULL };
  g_autoptr(AtlasPresentation) tour = atlas_presentation_new (none, 5);

  g_assert_cmpuint (atlas_presentation_get_n_steps (tour), ==, 0);
  g_assert_null (atlas_presentation_get_id (tour));
  g_assert_false (atlas_presentation_next (tour));
  g_assert_false (atlas_presentation_last (tour));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/presentation/steps", test_steps);
  g_test_add_func ("/presentation/blank", test_blank);
  g_test_add_func ("/presentation/empty", test_empty);

  return g_test_run ();
}
