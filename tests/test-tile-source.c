/* test-tile-source.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-tile-source.h"

static void
test_expand_template (void)
{
  g_autofree char *url = NULL;

  url = atlas_tile_source_expand_template ("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                                           1623, 902, 11);
  g_assert_cmpstr (url, ==, "https://tile.openstreetmap.org/11/1623/902.png");
}

static void
test_expand_template_any_order (void)
{
  g_autofree char *url = NULL;

  url = atlas_tile_source_expand_template ("https://tiles.example.vn/{x}-{y}@{z}.png", 3, 5, 7);
  g_assert_cmpstr (url, ==, "https://tiles.example.vn/3-5@7.png");
}

static void
test_valid_templates (void)
{
  static const char *valid[] = {
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "https://bando.example.gov.vn/tiles/{z}/{x}/{y}.png?key=abc",
    "http://127.0.0.1:8080/{z}/{x}/{y}.png",
    "http://localhost/{z}/{x}/{y}.png",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (atlas_tile_source_validate_template (valid[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_invalid_templates (void)
{
  static const struct {
    const char *url_template;
    const char *message;
  } invalid[] = {
    { "https://tile.openstreetmap.org/{z}/{x}.png", "The address must contain {y} exactly once" },
    { "https://tile.openstreetmap.org/{x}/{x}/{y}.png", "The address must contain {z} exactly once" },
    { "https://tile.openstreetmap.org/{z}/{z}/{x}/{y}.png", "The address must contain {z} exactly once" },
    { "http://tile.openstreetmap.org/{z}/{x}/{y}.png", "The address must start with https://" },
    { "ftp://tile.openstreetmap.org/{z}/{x}/{y}.png", "The address must start with https://" },
    { "{z}/{x}/{y}", "The address is not a valid web address" },
    { "https:///{z}/{x}/{y}.png", "The address is not a valid web address" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", invalid[i].url_template);
      g_assert_false (atlas_tile_source_validate_template (invalid[i].url_template, &error));
      g_assert_error (error, ATLAS_TILE_SOURCE_ERROR, ATLAS_TILE_SOURCE_ERROR_INVALID_TEMPLATE);
      g_assert_cmpstr (error->message, ==, invalid[i].message);
    }
}

static void
test_user_agent (void)
{
  const char *user_agent = atlas_tile_source_get_user_agent ();

  /* The OSM tile policy wants the application, its version and a contact. */
  g_assert_true (g_str_has_prefix (user_agent, "GeoparkAtlas/" PACKAGE_VERSION " "));
  g_assert_nonnull (strstr (user_agent, "(+https://"));
  g_assert_null (strstr (user_agent, "libshumate"));
}

/* Removes a flat directory such as the tile cache. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
test_source_properties (void)
{
  g_autoptr(AtlasTileSource) source = NULL;
  g_autofree char *cache_dir = NULL;

  cache_dir = g_dir_make_tmp ("atlas-tiles-XXXXXX", NULL);
  source = atlas_tile_source_new ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", cache_dir);

  g_assert_true (SHUMATE_IS_DATA_SOURCE (source));
  g_assert_cmpstr (atlas_tile_source_get_url_template (source),
                   ==, "https://tile.openstreetmap.org/{z}/{x}/{y}.png");

  g_clear_object (&source);
  remove_tree (cache_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tile-source/expand-template", test_expand_template);
  g_test_add_func ("/tile-source/expand-template-any-order", test_expand_template_any_order);
  g_test_add_func ("/tile-source/valid-templates", test_valid_templates);
  g_test_add_func ("/tile-source/invalid-templates", test_invalid_templates);
  g_test_add_func ("/tile-source/user-agent", test_user_agent);
  g_test_add_func ("/tile-source/properties", test_source_properties);

  return g_test_run ();
}
