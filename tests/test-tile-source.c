/* test-tile-source.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-tile-source"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "atlas-tile-source-private.h"

static void
test_expand_template (void)
{
  g_autofree char *url = NULL;

  url = _atlas_tile_source_expand_template ("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                                            1623, 902, 11);
  g_assert_cmpstr (url, ==, "https://tile.openstreetmap.org/11/1623/902.png");
}

static void
test_expand_template_any_order (void)
{
  g_autofree char *url = NULL;

  url = _atlas_tile_source_expand_template ("https://tiles.example.vn/{x}-{y}@{z}.png", 3, 5, 7);
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
  const char *user_agent = _atlas_tile_source_get_user_agent ();

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
  g_assert_cmpstr (_atlas_tile_source_get_url_template (source),
                   ==, "https://tile.openstreetmap.org/{z}/{x}/{y}.png");

  g_clear_object (&source);
  remove_tree (cache_dir);
}

/* A tile server on loopback that remembers what it was asked. */
typedef struct
{
  SoupServer *server;
  char       *url_template;
  guint       n_requests;
  char       *user_agent;
} TileServer;

/* The smallest PNG there is: a transparent pixel. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

static void
serve_tile (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  TileServer *tiles = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);

  tiles->n_requests++;
  g_free (tiles->user_agent);
  tiles->user_agent = g_strdup (soup_message_headers_get_one (request, "User-Agent"));

  /* As tile.openstreetmap.org does: cacheable for a while. */
  soup_message_headers_append (response, "Cache-Control", "max-age=604800");
  soup_server_message_set_response (message, "image/png", SOUP_MEMORY_STATIC,
                                    (const char *) tiny_png, sizeof tiny_png);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

static TileServer *
tile_server_start (void)
{
  TileServer *tiles = g_new0 (TileServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *base = NULL;

  tiles->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (tiles->server, "/", serve_tile, tiles, NULL);
  g_assert_true (soup_server_listen_local (tiles->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (tiles->server);
  base = g_uri_to_string (uris->data);
  tiles->url_template = g_strconcat (base, "{z}/{x}/{y}.png", NULL);

  return tiles;
}

static void
tile_server_free (TileServer *tiles)
{
  if (tiles->server != NULL)
    soup_server_disconnect (tiles->server);
  g_clear_object (&tiles->server);
  g_free (tiles->url_template);
  g_free (tiles->user_agent);
  g_free (tiles);
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GBytes *
fetch_tile (AtlasTileSource  *source,
            int               x,
            int               y,
            int               zoom,
            GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), x, y, zoom, NULL,
                                           store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (source), result, error);
}

static void
count_received (ShumateDataSource *source,
                int                x,
                int                y,
                int                zoom,
                GBytes            *bytes,
                gpointer           user_data)
{
  guint *n_received = user_data;

  g_assert_cmpint (x, ==, 1);
  g_assert_cmpint (y, ==, 2);
  g_assert_cmpint (zoom, ==, 3);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, sizeof tiny_png);
  (*n_received)++;
}

/* Our agent reaches the server, and a second run is served from the disk
 * cache without asking it again; a stopped server makes the source say the
 * map cannot be reached, instead of logging every tile.
 */
static void
test_fetch_cache_and_offline (void)
{
  TileServer *tiles = tile_server_start ();
  g_autofree char *cache_dir = g_dir_make_tmp ("atlas-tiles-XXXXXX", NULL);
  g_autoptr(AtlasTileSource) source = atlas_tile_source_new (tiles->url_template, cache_dir);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_received = 0;

  /* libshumate 1.0 draws a tile only from "received-data". */
  g_signal_connect (source, "received-data", G_CALLBACK (count_received), &n_received);
  bytes = fetch_tile (source, 1, 2, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, sizeof tiny_png);
  g_assert_cmpuint (n_received, ==, 1);
  g_assert_cmpuint (tiles->n_requests, ==, 1);
  g_assert_cmpstr (tiles->user_agent, ==, _atlas_tile_source_get_user_agent ());
  g_assert_true (atlas_tile_source_get_reachable (source));

  /* Next start: a new source over the same cache. */
  g_clear_object (&source);
  g_clear_pointer (&bytes, g_bytes_unref);
  source = atlas_tile_source_new (tiles->url_template, cache_dir);
  bytes = fetch_tile (source, 1, 2, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, sizeof tiny_png);
  g_assert_cmpuint (tiles->n_requests, ==, 1);

  soup_server_disconnect (tiles->server);
  g_clear_object (&tiles->server);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = fetch_tile (source, 4, 5, 6, &error);
  g_assert_null (bytes);
  g_assert_nonnull (error);
  g_assert_false (atlas_tile_source_get_reachable (source));

  g_clear_object (&source);
  tile_server_free (tiles);
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
  g_test_add_func ("/tile-source/fetch-cache-and-offline", test_fetch_cache_and_offline);

  return g_test_run ();
}
