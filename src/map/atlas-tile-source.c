/* atlas-tile-source.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-tile-source"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "atlas-tile-source-private.h"

/* Raster tiles over HTTP with our own User-Agent.
 *
 * libshumate's own ShumateTileDownloader always sends "libshumate/<version>"
 * whatever shumate_set_user_agent() says, and the OpenStreetMap tile policy
 * blocks library-default agents. So we fetch tiles ourselves: few
 * connections, an identifying agent, and a SoupCache on disk that honours the
 * servers' HTTP caching headers.
 */

#define MAX_CONNECTIONS 2
#define CACHE_MAX_SIZE (200 * 1024 * 1024)

struct _AtlasTileSource
{
  ShumateDataSource  parent_instance;

  char              *url_template;
  char              *cache_dir;
  SoupSession       *session;
  SoupCache         *cache;

  gboolean           reachable;
};

G_DEFINE_FINAL_TYPE (AtlasTileSource, atlas_tile_source, SHUMATE_TYPE_DATA_SOURCE)

G_DEFINE_QUARK (atlas-tile-source-error-quark, atlas_tile_source_error)

enum {
  PROP_0,
  PROP_URL_TEMPLATE,
  PROP_CACHE_DIR,
  PROP_REACHABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
_atlas_tile_source_get_user_agent (void)
{
  return "GeoparkAtlas/" PACKAGE_VERSION " (+" PACKAGE_URL ")";
}

static gboolean
host_is_loopback (const char *host)
{
  return g_strcmp0 (host, "localhost") == 0 ||
         g_strcmp0 (host, "::1") == 0 ||
         g_str_has_prefix (host, "127.");
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

gboolean
atlas_tile_source_validate_template (const char  *url_template,
                                     GError     **error)
{
  static const char *placeholders[] = { "{z}", "{x}", "{y}" };
  g_autofree char *example = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (url_template != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    {
      if (count_occurrences (url_template, placeholders[i]) != 1)
        {
          g_set_error (error, ATLAS_TILE_SOURCE_ERROR, ATLAS_TILE_SOURCE_ERROR_INVALID_TEMPLATE,
                       /* Translators: %s is a placeholder such as {z}; keep it as it is. */
                       _("The address must contain %s exactly once"), placeholders[i]);
          return FALSE;
        }
    }

  example = _atlas_tile_source_expand_template (url_template, 0, 0, 0);
  uri = g_uri_parse (example, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, ATLAS_TILE_SOURCE_ERROR, ATLAS_TILE_SOURCE_ERROR_INVALID_TEMPLATE,
                   _("The address is not a valid web address"));
      return FALSE;
    }

  /* Plain HTTP is only acceptable for a server on this very machine. */
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (uri))))
    {
      g_set_error (error, ATLAS_TILE_SOURCE_ERROR, ATLAS_TILE_SOURCE_ERROR_INVALID_TEMPLATE,
                   _("The address must start with https://"));
      return FALSE;
    }

  return TRUE;
}

char *
_atlas_tile_source_expand_template (const char *url_template,
                                    int         x,
                                    int         y,
                                    int         zoom_level)
{
  GString *url;
  char buffer[16];

  g_return_val_if_fail (url_template != NULL, NULL);

  url = g_string_new (url_template);

  g_snprintf (buffer, sizeof buffer, "%d", zoom_level);
  g_string_replace (url, "{z}", buffer, 0);
  g_snprintf (buffer, sizeof buffer, "%d", x);
  g_string_replace (url, "{x}", buffer, 0);
  g_snprintf (buffer, sizeof buffer, "%d", y);
  g_string_replace (url, "{y}", buffer, 0);

  return g_string_free (url, FALSE);
}

/* A request on its way: the tile it is for, and its message. */
typedef struct
{
  SoupMessage *message;
  int          x;
  int          y;
  int          zoom_level;
} TileFetch;

static void
tile_fetch_free (gpointer data)
{
  TileFetch *fetch = data;

  g_clear_object (&fetch->message);
  g_free (fetch);
}

static void
set_reachable (AtlasTileSource *self,
               gboolean         reachable)
{
  if (self->reachable == reachable)
    return;

  self->reachable = reachable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHABLE]);
}

static void
on_send_and_read (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileFetch *fetch = g_task_get_task_data (task);
  SoupMessage *message = fetch->message;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AtlasTileSource *self = g_task_get_source_object (task);
  guint status;

  g_assert (ATLAS_IS_TILE_SOURCE (self));

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      /* A tile that scrolled away is no news about the network. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_reachable (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The server answered: whatever it said, the network works. */
  set_reachable (self, TRUE);

  status = soup_message_get_status (message);
  if (status != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, ATLAS_TILE_SOURCE_ERROR, ATLAS_TILE_SOURCE_ERROR_HTTP,
                               "HTTP %u %s", status,
                               soup_message_get_reason_phrase (message));
      return;
    }

  /* libshumate 1.0 draws what "received-data" brings and takes the
   * result only as "done"; later versions draw the result.
   */
  g_signal_emit_by_name (self, "received-data", fetch->x, fetch->y, fetch->zoom_level, bytes);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
atlas_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                       int                  x,
                                       int                  y,
                                       int                  zoom_level,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  SoupMessage *message;
  TileFetch *fetch;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_tile_source_get_tile_data_async);

  url = _atlas_tile_source_expand_template (self->url_template, x, y, zoom_level);
  message = soup_message_new (SOUP_METHOD_GET, url);
  if (message == NULL)
    {
      g_task_return_new_error (task, ATLAS_TILE_SOURCE_ERROR,
                               ATLAS_TILE_SOURCE_ERROR_INVALID_TEMPLATE,
                               "Invalid tile address %s", url);
      return;
    }

  fetch = g_new0 (TileFetch, 1);
  *fetch = (TileFetch) { message, x, y, zoom_level };
  g_task_set_task_data (task, fetch, tile_fetch_free);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    cancellable, on_send_and_read, g_steal_pointer (&task));
}

static GBytes *
atlas_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
atlas_tile_source_constructed (GObject *object)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  G_OBJECT_CLASS (atlas_tile_source_parent_class)->constructed (object);

  g_assert (self->url_template != NULL);

  self->session = soup_session_new_with_options ("user-agent", _atlas_tile_source_get_user_agent (),
                                                 "max-conns", MAX_CONNECTIONS,
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 NULL);

  if (self->cache_dir != NULL)
    {
      self->cache = soup_cache_new (self->cache_dir, SOUP_CACHE_SINGLE_USER);
      soup_cache_set_max_size (self->cache, CACHE_MAX_SIZE);
      soup_cache_load (self->cache);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (self->cache));
    }
}

static void
atlas_tile_source_dispose (GObject *object)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  if (self->session != NULL)
    soup_session_abort (self->session);

  /* Write the cache index, so the next start is served from disk. */
  if (self->cache != NULL)
    {
      soup_cache_flush (self->cache);
      soup_cache_dump (self->cache);
    }

  g_clear_object (&self->cache);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (atlas_tile_source_parent_class)->dispose (object);
}

static void
atlas_tile_source_finalize (GObject *object)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  g_clear_pointer (&self->url_template, g_free);
  g_clear_pointer (&self->cache_dir, g_free);

  G_OBJECT_CLASS (atlas_tile_source_parent_class)->finalize (object);
}

static void
atlas_tile_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      g_value_set_string (value, self->url_template);
      break;

    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;

    case PROP_REACHABLE:
      g_value_set_boolean (value, self->reachable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tile_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      self->url_template = g_value_dup_string (value);
      break;

    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tile_source_class_init (AtlasTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->constructed = atlas_tile_source_constructed;
  object_class->dispose = atlas_tile_source_dispose;
  object_class->finalize = atlas_tile_source_finalize;
  object_class->get_property = atlas_tile_source_get_property;
  object_class->set_property = atlas_tile_source_set_property;

  source_class->get_tile_data_async = atlas_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = atlas_tile_source_get_tile_data_finish;

  properties[PROP_URL_TEMPLATE] =
    g_param_spec_string ("url-template", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Whether the last finished request reached the tile server. */
  properties[PROP_REACHABLE] =
    g_param_spec_boolean ("reachable", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_tile_source_init (AtlasTileSource *self)
{
  self->reachable = TRUE;
}

AtlasTileSource *
atlas_tile_source_new (const char *url_template,
                       const char *cache_dir)
{
  g_return_val_if_fail (url_template != NULL, NULL);

  return g_object_new (ATLAS_TYPE_TILE_SOURCE,
                       "url-template", url_template,
                       "cache-dir", cache_dir,
                       NULL);
}

const char *
_atlas_tile_source_get_url_template (AtlasTileSource *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_SOURCE (self), NULL);

  return self->url_template;
}

gboolean
atlas_tile_source_get_reachable (AtlasTileSource *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_SOURCE (self), FALSE);

  return self->reachable;
}
