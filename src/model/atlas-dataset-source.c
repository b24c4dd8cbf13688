/* atlas-dataset-source.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-dataset-loader.h"
#include "atlas-dataset-source.h"

/* Where the dataset the window shows comes from: the bundled copy, or a
 * staff member's folder, which is watched and reloaded when a file in it
 * changes. A reload that finds problems keeps the last good data on screen
 * and lists the problems; nothing is lost while someone fixes a typo.
 */

/* Editors save in several steps; wait for them to finish. */
#define RELOAD_DELAY_MS 300

struct _AtlasDatasetSource
{
  GObject             parent_instance;

  AtlasDataset       *dataset;
  GFile              *folder;
  GFileMonitor       *monitor;
  guint               reload_source;
  AtlasDatasetStatus  status;
  GStrv               problems;
};

G_DEFINE_FINAL_TYPE (AtlasDatasetSource, atlas_dataset_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_STATUS,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GStrv
problem_messages (GPtrArray *problems)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < problems->len; i++)
    g_strv_builder_add (builder, ((GError *) g_ptr_array_index (problems, i))->message);

  return g_strv_builder_end (builder);
}

/* Observers see the status and the problems change together. */
static void
set_state (AtlasDatasetSource *self,
           AtlasDatasetStatus  status,
           GStrv               problems)
{
  gboolean status_changed = self->status != status;

  g_strfreev (self->problems);
  self->problems = problems;
  self->status = status;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
  if (status_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
load (AtlasDatasetSource *self,
      gboolean            first_time)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AtlasDataset) loaded = NULL;

  if (self->folder == NULL)
    loaded = atlas_dataset_load_bundled (problems);
  else
    loaded = atlas_dataset_load_directory (self->folder, problems);

  if (loaded != NULL)
    {
      atlas_dataset_replace_contents (self->dataset, loaded);
      set_state (self, ATLAS_DATASET_STATUS_OK, g_new0 (char *, 1));
    }
  else
    {
      /* Only a folder that once loaded has a last good version to show. */
      gboolean had_data = !first_time && self->status != ATLAS_DATASET_STATUS_FAILED;

      set_state (self, had_data ? ATLAS_DATASET_STATUS_STALE : ATLAS_DATASET_STATUS_FAILED,
                 problem_messages (problems));
    }
}

static gboolean
reload_cb (gpointer user_data)
{
  AtlasDatasetSource *self = user_data;

  self->reload_source = 0;
  load (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
on_folder_changed (GFileMonitor       *monitor,
                   GFile              *file,
                   GFile              *other_file,
                   GFileMonitorEvent   event,
                   AtlasDatasetSource *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
watch_folder (AtlasDatasetSource *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, on_folder_changed, self);
  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->folder == NULL)
    return;

  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_warning ("Cannot watch %s for changes: %s", g_file_peek_path (self->folder), error->message);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_folder_changed), self);
}

AtlasDatasetSource *
atlas_dataset_source_new (void)
{
  return g_object_new (ATLAS_TYPE_DATASET_SOURCE, NULL);
}

AtlasDataset *
atlas_dataset_source_get_dataset (AtlasDatasetSource *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET_SOURCE (self), NULL);

  return self->dataset;
}

/* NULL for the bundled dataset. */
GFile *
atlas_dataset_source_get_folder (AtlasDatasetSource *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET_SOURCE (self), NULL);

  return self->folder;
}

/* Loads the dataset in folder (NULL: the bundled one) and watches it. */
void
atlas_dataset_source_set_folder (AtlasDatasetSource *self,
                                 GFile              *folder)
{
  g_return_if_fail (ATLAS_IS_DATASET_SOURCE (self));
  g_return_if_fail (!folder || G_IS_FILE (folder));

  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->folder, folder);
  watch_folder (self);
  load (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
  g_object_thaw_notify (G_OBJECT (self));
}

AtlasDatasetStatus
atlas_dataset_source_get_status (AtlasDatasetSource *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET_SOURCE (self), ATLAS_DATASET_STATUS_FAILED);

  return self->status;
}

/* Every problem of the last load, one message each; empty when it was good. */
const char * const *
atlas_dataset_source_get_problems (AtlasDatasetSource *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET_SOURCE (self), NULL);

  return (const char * const *) self->problems;
}

void
atlas_dataset_source_reload (AtlasDatasetSource *self)
{
  g_return_if_fail (ATLAS_IS_DATASET_SOURCE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  load (self, FALSE);
}

static void
atlas_dataset_source_dispose (GObject *object)
{
  AtlasDatasetSource *self = ATLAS_DATASET_SOURCE (object);

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, on_folder_changed, self);
  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->folder);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->problems, g_strfreev);

  G_OBJECT_CLASS (atlas_dataset_source_parent_class)->dispose (object);
}

static void
atlas_dataset_source_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasDatasetSource *self = ATLAS_DATASET_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_PROBLEMS:
      g_value_set_boxed (value, self->problems);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_dataset_source_class_init (AtlasDatasetSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_dataset_source_dispose;
  object_class->get_property = atlas_dataset_source_get_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      ATLAS_DATASET_STATUS_OK, ATLAS_DATASET_STATUS_FAILED, ATLAS_DATASET_STATUS_OK,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEMS] =
    g_param_spec_boxed ("problems", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_dataset_source_init (AtlasDatasetSource *self)
{
  self->dataset = atlas_dataset_new ();
  self->problems = g_new0 (char *, 1);
  load (self, TRUE);
}
