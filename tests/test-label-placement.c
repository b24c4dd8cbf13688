/* test-label-placement.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-label-placement"

#include "config.h"

#include "atlas-label-placement.h"

#define BOX(x, y, w, h) (&(AtlasLabelBox) { (x), (y), (w), (h) })

/* On its anchor, above, below, left, right: a label's usual candidates. */
static guint
add_label_around (AtlasLabelPlacement *placement,
                  AtlasLabelPriority   priority,
                  double               x,
                  double               y,
                  double               width,
                  double               height)
{
  AtlasLabelBox candidates[] = {
    { x - width / 2, y - height / 2, width, height },
    { x - width / 2, y - height * 1.5, width, height },
    { x - width / 2, y + height / 2, width, height },
    { x - width * 1.5, y - height / 2, width, height },
    { x + width / 2, y - height / 2, width, height },
  };

  return atlas_label_placement_add_label (placement, priority, candidates,
                                          G_N_ELEMENTS (candidates));
}

static void
test_boxes (void)
{
  g_assert_true (atlas_label_box_intersects (BOX (0, 0, 10, 10), BOX (5, 5, 10, 10)));
  g_assert_false (atlas_label_box_intersects (BOX (0, 0, 10, 10), BOX (10, 0, 10, 10)));
  g_assert_false (atlas_label_box_intersects (BOX (0, 0, 10, 10), BOX (0, 10, 10, 10)));
  g_assert_true (atlas_label_box_intersects (BOX (0, 0, 10, 10), BOX (2, 2, 1, 1)));
}

/* Nothing in the way: a label stays on its anchor. */
static void
test_free (void)
{
  g_autoptr(AtlasLabelPlacement) placement = atlas_label_placement_new ();
  guint label;

  atlas_label_placement_add_obstacle (placement, BOX (500, 500, 32, 40),
                                      ATLAS_LABEL_PRIORITY_PIN);
  label = add_label_around (placement, ATLAS_LABEL_PRIORITY_GEOPARK, 100, 100, 80, 20);
  atlas_label_placement_place (placement);

  g_assert_cmpint (atlas_label_placement_get_choice (placement, label), ==, 0);
  g_assert_cmpfloat (atlas_label_placement_get_box (placement, label)->x, ==, 60);
}

/* A pin on the anchor: the label moves to the next free candidate. */
static void
test_moves (void)
{
  g_autoptr(AtlasLabelPlacement) placement = atlas_label_placement_new ();
  guint label;

  /* The pin covers the centre and the box above it. */
  atlas_label_placement_add_obstacle (placement, BOX (90, 70, 20, 40), ATLAS_LABEL_PRIORITY_PIN);
  label = add_label_around (placement, ATLAS_LABEL_PRIORITY_BASE_MAP, 100, 100, 80, 20);
  atlas_label_placement_place (placement);

  g_assert_cmpint (atlas_label_placement_get_choice (placement, label), ==, 2);
  g_assert_false (atlas_label_box_intersects (atlas_label_placement_get_box (placement, label),
                                              BOX (90, 70, 20, 40)));
}

/* Every candidate covered: the label is left out. */
static void
test_dropped (void)
{
  g_autoptr(AtlasLabelPlacement) placement = atlas_label_placement_new ();
  guint label;

  atlas_label_placement_add_obstacle (placement, BOX (0, 0, 300, 300), ATLAS_LABEL_PRIORITY_PIN);
  label = add_label_around (placement, ATLAS_LABEL_PRIORITY_BASE_MAP, 100, 100, 80, 20);
  atlas_label_placement_place (placement);

  g_assert_cmpint (atlas_label_placement_get_choice (placement, label), ==, -1);
  g_assert_null (atlas_label_placement_get_box (placement, label));
}

/* A geopark's name goes before a province's, whichever was added first;
 * within one priority, the first added goes first.
 */
static void
test_priority (void)
{
  g_autoptr(AtlasLabelPlacement) placement = atlas_label_placement_new ();
  AtlasLabelBox only = { 0, 0, 80, 20 };
  guint province, geopark, first, second;

  province = atlas_label_placement_add_label (placement, ATLAS_LABEL_PRIORITY_BASE_MAP, &only, 1);
  geopark = atlas_label_placement_add_label (placement, ATLAS_LABEL_PRIORITY_GEOPARK, &only, 1);
  first = atlas_label_placement_add_label (placement, ATLAS_LABEL_PRIORITY_BASE_MAP,
                                           BOX (200, 0, 80, 20), 1);
  second = atlas_label_placement_add_label (placement, ATLAS_LABEL_PRIORITY_BASE_MAP,
                                            BOX (240, 10, 80, 20), 1);
  atlas_label_placement_place (placement);

  g_assert_cmpint (atlas_label_placement_get_choice (placement, geopark), ==, 0);
  g_assert_cmpint (atlas_label_placement_get_choice (placement, province), ==, -1);
  g_assert_cmpint (atlas_label_placement_get_choice (placement, first), ==, 0);
  g_assert_cmpint (atlas_label_placement_get_choice (placement, second), ==, -1);

  /* Obstacles come before every label, the selected pin's too. */
  atlas_label_placement_clear (placement);
  atlas_label_placement_add_obstacle (placement, &only, ATLAS_LABEL_PRIORITY_SELECTED_PIN);
  geopark = atlas_label_placement_add_label (placement, ATLAS_LABEL_PRIORITY_GEOPARK, &only, 1);
  atlas_label_placement_place (placement);
  g_assert_cmpint (atlas_label_placement_get_choice (placement, geopark), ==, -1);
}

/* Hundreds of pins and labels on a small map: no label meets a pin or
 * another label, some are moved, some left out, and the same input gives
 * the same result.
 */
static int *
place_dense (guint  seed,
             guint *n_labels,
             guint *n_moved,
             guint *n_dropped)
{
  g_autoptr(AtlasLabelPlacement) placement = atlas_label_placement_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) pins = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  int *choices;

  for (guint i = 0; i < 300; i++)
    {
      AtlasLabelBox pin = { g_rand_double_range (rand, 0, 1000), g_rand_double_range (rand, 0, 700),
                            32, 40 };

      g_array_append_val (pins, pin);
      atlas_label_placement_add_obstacle (placement, &pin,
                                          i == 0 ? ATLAS_LABEL_PRIORITY_SELECTED_PIN
                                                 : ATLAS_LABEL_PRIORITY_PIN);
    }
  for (guint i = 0; i < 120; i++)
    add_label_around (placement,
                      i % 3 == 0 ? ATLAS_LABEL_PRIORITY_GEOPARK : ATLAS_LABEL_PRIORITY_BASE_MAP,
                      g_rand_double_range (rand, 0, 1000), g_rand_double_range (rand, 0, 700),
                      g_rand_double_range (rand, 40, 140), 18);
  atlas_label_placement_place (placement);

  *n_labels = atlas_label_placement_get_n_labels (placement);
  *n_moved = *n_dropped = 0;
  choices = g_new (int, *n_labels);
  for (guint i = 0; i < *n_labels; i++)
    {
      const AtlasLabelBox *box = atlas_label_placement_get_box (placement, i);

      choices[i] = atlas_label_placement_get_choice (placement, i);
      *n_moved += choices[i] > 0;
      *n_dropped += choices[i] < 0;
      if (box == NULL)
        continue;

      for (guint p = 0; p < pins->len; p++)
        g_assert_false (atlas_label_box_intersects (box, &g_array_index (pins, AtlasLabelBox, p)));
      for (guint j = 0; j < i; j++)
        {
          const AtlasLabelBox *other = atlas_label_placement_get_box (placement, j);

          g_assert_true (other == NULL || !atlas_label_box_intersects (box, other));
        }
    }

  return choices;
}

static void
test_dense (void)
{
  g_autofree int *choices = NULL;
  g_autofree int *again = NULL;
  guint n_labels, n_moved, n_dropped;

  choices = place_dense (7, &n_labels, &n_moved, &n_dropped);
  g_assert_cmpuint (n_moved, >, 0);
  g_assert_cmpuint (n_dropped, >, 0);
  g_assert_cmpuint (n_moved + n_dropped, <, n_labels);

  again = place_dense (7, &n_labels, &n_moved, &n_dropped);
  g_assert_cmpmem (choices, n_labels * sizeof (int), again, n_labels * sizeof (int));
}

/* Placing again after clearing starts afresh. */
static void
test_clear (void)
{
  g_autoptr(AtlasLabelPlacement) placement = atlas_label_placement_new ();
  guint label;

  atlas_label_placement_add_obstacle (placement, BOX (0, 0, 300, 300), ATLAS_LABEL_PRIORITY_PIN);
  add_label_around (placement, ATLAS_LABEL_PRIORITY_BASE_MAP, 100, 100, 80, 20);
  atlas_label_placement_place (placement);
  atlas_label_placement_clear (placement);
  g_assert_cmpuint (atlas_label_placement_get_n_labels (placement), ==, 0);

  label = add_label_around (placement, ATLAS_LABEL_PRIORITY_BASE_MAP, 100, 100, 80, 20);
  atlas_label_placement_place (placement);
  g_assert_cmpint (atlas_label_placement_get_choice (placement, label), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/label-placement/boxes", test_boxes);
  g_test_add_func ("/label-placement/free", test_free);
  g_test_add_func ("/label-placement/moves", test_moves);
  g_test_add_func ("/label-placement/dropped", test_dropped);
  g_test_add_func ("/label-placement/priority", test_priority);
  g_test_add_func ("/label-placement/dense", test_dense);
  g_test_add_func ("/label-placement/clear", test_clear);

  return g_test_run ();
}
