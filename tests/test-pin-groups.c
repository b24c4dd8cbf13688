/* test-pin-groups.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-pin-groups"

#include "config.h"

#include <math.h>

#include "atlas-mercator.h"
#include "atlas-pin-groups.h"
#include "atlas-place-private.h"

static AtlasPlace *
make_place (const char *id,
            double      latitude,
            double      longitude)
{
  AtlasPlace *place = g_object_new (ATLAS_TYPE_PLACE, NULL);

  place->id = g_strdup (id);
  place->latitude = latitude;
  place->longitude = longitude;

  return place;
}

/* A place and its neighbour to the east, @dx pixels away at zoom @level. */
static void
add_pair (GListStore *store,
          const char *id,
          double      latitude,
          double      longitude,
          int         level,
          double      dx)
{
  g_autofree char *other_id = g_strconcat (id, "-east", NULL);
  double world = atlas_mercator_world_size (level);
  double east = atlas_mercator_longitude (atlas_mercator_x (longitude) + dx / world);
  g_autoptr(AtlasPlace) place = make_place (id, latitude, longitude);
  g_autoptr(AtlasPlace) other = make_place (other_id, latitude, east);

  g_list_store_append (store, place);
  g_list_store_append (store, other);
}

static const AtlasPinGroup *
group_of (AtlasPinGroups *groups,
          const char     *id)
{
  guint n_groups;
  AtlasPinGroup *all = atlas_pin_groups_get_groups (groups, &n_groups);

  for (guint i = 0; i < n_groups; i++)
    {
      AtlasPlace *const *members = atlas_pin_groups_get_members (groups, &all[i]);

      for (guint j = 0; j < all[i].n_places; j++)
        if (g_str_equal (atlas_place_get_id (members[j]), id))
          return &all[i];
    }

  return NULL;
}

/* Places closer than the grouping distance share a group, led by the first
 * in the places' order; farther ones stand alone. Every place is in one
 * group only.
 */
static void
test_group_near (void)
{
  g_autoptr(GListStore) store = g_list_store_new (ATLAS_TYPE_PLACE);
  g_autoptr(AtlasPinGroups) groups = atlas_pin_groups_new ();
  const AtlasPinGroup *near, *far;
  AtlasPlace *const *members;
  guint n_groups, n_members = 0;
  AtlasPinGroup *all;

  add_pair (store, "near", 22.0, 106.0, 9, ATLAS_PIN_GROUPS_DISTANCE_PX - 2);
  add_pair (store, "far", 21.0, 105.0, 9, ATLAS_PIN_GROUPS_DISTANCE_PX + 2);
  atlas_pin_groups_set_places (groups, G_LIST_MODEL (store));
  g_assert_cmpuint (atlas_pin_groups_get_n_places (groups), ==, 4);
  g_assert_cmpint (atlas_pin_groups_get_level (groups), ==, -1);

  atlas_pin_groups_group (groups, 9, NULL);
  g_assert_cmpint (atlas_pin_groups_get_level (groups), ==, 9);
  near = group_of (groups, "near");
  g_assert_nonnull (near);
  g_assert_true (group_of (groups, "near-east") == near);
  g_assert_cmpuint (near->n_places, ==, 2);
  members = atlas_pin_groups_get_members (groups, near);
  g_assert_cmpstr (atlas_place_get_id (members[0]), ==, "near");
  g_assert_cmpfloat_with_epsilon (near->x, atlas_mercator_x (106.0) * atlas_mercator_world_size (9),
                                  1e-6);
  g_assert_null (near->marker);

  far = group_of (groups, "far");
  g_assert_cmpuint (far->n_places, ==, 1);
  g_assert_true (group_of (groups, "far-east") != far);

  all = atlas_pin_groups_get_groups (groups, &n_groups);
  g_assert_cmpuint (n_groups, ==, 3);
  for (guint i = 0; i < n_groups; i++)
    n_members += all[i].n_places;
  g_assert_cmpuint (n_members, ==, 4);
}

/* Closer in, the same places stand apart; from the apart zoom on, even
 * places on one spot do.
 */
static void
test_group_per_zoom (void)
{
  g_autoptr(GListStore) store = g_list_store_new (ATLAS_TYPE_PLACE);
  g_autoptr(AtlasPinGroups) groups = atlas_pin_groups_new ();
  g_autoptr(AtlasPlace) same = make_place ("same", 22.0, 106.0);
  guint n_groups;

  add_pair (store, "pair", 22.0, 106.0, 9, ATLAS_PIN_GROUPS_DISTANCE_PX - 2);
  g_list_store_append (store, same);
  atlas_pin_groups_set_places (groups, G_LIST_MODEL (store));

  atlas_pin_groups_group (groups, 9, NULL);
  atlas_pin_groups_get_groups (groups, &n_groups);
  g_assert_cmpuint (n_groups, ==, 1);

  atlas_pin_groups_group (groups, 11, NULL);
  atlas_pin_groups_get_groups (groups, &n_groups);
  g_assert_cmpuint (n_groups, ==, 2);
  g_assert_cmpuint (group_of (groups, "pair")->n_places, ==, 2);

  atlas_pin_groups_group (groups, ATLAS_PIN_GROUPS_APART_ZOOM, NULL);
  atlas_pin_groups_get_groups (groups, &n_groups);
  g_assert_cmpuint (n_groups, ==, 3);
}

/* A selected place stands alone, and takes no neighbours. */
static void
test_selected_alone (void)
{
  g_autoptr(GListStore) store = g_list_store_new (ATLAS_TYPE_PLACE);
  g_autoptr(AtlasPinGroups) groups = atlas_pin_groups_new ();
  g_autoptr(GPtrArray) selected = g_ptr_array_new ();
  g_autoptr(AtlasPlace) third = make_place ("third", 22.0, 106.0);
  guint n_groups;

  add_pair (store, "pair", 22.0, 106.0, 9, 4);
  g_list_store_append (store, third);
  atlas_pin_groups_set_places (groups, G_LIST_MODEL (store));

  g_ptr_array_add (selected, atlas_pin_groups_get_place (groups, 0));
  atlas_pin_groups_group (groups, 9, selected);
  atlas_pin_groups_get_groups (groups, &n_groups);
  g_assert_cmpuint (n_groups, ==, 2);
  g_assert_cmpuint (group_of (groups, "pair")->n_places, ==, 1);
  g_assert_cmpuint (group_of (groups, "third")->n_places, ==, 2);
  g_assert_true (group_of (groups, "pair-east") == group_of (groups, "third"));
}

/* Many places on a grid: as many groups as a count per cell says, in linear
 * time; and new places forget the old groups.
 */
static void
test_many_places (void)
{
  g_autoptr(GListStore) store = g_list_store_new (ATLAS_TYPE_PLACE);
  g_autoptr(AtlasPinGroups) groups = atlas_pin_groups_new ();
  g_autoptr(GListStore) none = g_list_store_new (ATLAS_TYPE_PLACE);
  guint n_groups, n_members = 0;
  AtlasPinGroup *all;

  for (guint i = 0; i < 100; i++)
    for (guint j = 0; j < 50; j++)
      {
        g_autofree char *id = g_strdup_printf ("p%u-%u", i, j);
        g_autoptr(AtlasPlace) place = make_place (id, 22.0 + i * 0.01, 106.0 + j * 0.01);

        g_list_store_append (store, place);
      }
  atlas_pin_groups_set_places (groups, G_LIST_MODEL (store));

  atlas_pin_groups_group (groups, 15, NULL);
  atlas_pin_groups_get_groups (groups, &n_groups);
  g_assert_cmpuint (n_groups, ==, 5000);

  atlas_pin_groups_group (groups, 8, NULL);
  all = atlas_pin_groups_get_groups (groups, &n_groups);
  g_assert_cmpuint (n_groups, <, 5000 / 4);
  for (guint i = 0; i < n_groups; i++)
    n_members += all[i].n_places;
  g_assert_cmpuint (n_members, ==, 5000);

  atlas_pin_groups_set_places (groups, G_LIST_MODEL (none));
  atlas_pin_groups_get_groups (groups, &n_groups);
  g_assert_cmpuint (n_groups, ==, 0);
  g_assert_cmpint (atlas_pin_groups_get_level (groups), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin-groups/near", test_group_near);
  g_test_add_func ("/pin-groups/per-zoom", test_group_per_zoom);
  g_test_add_func ("/pin-groups/selected-alone", test_selected_alone);
  g_test_add_func ("/pin-groups/many-places", test_many_places);

  return g_test_run ();
}
