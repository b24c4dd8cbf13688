/* atlas-dataset-source.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-dataset-source"

#include "config.h"

#include "atlas-dataset-loader.h"
#include "atlas-dataset-source.h"
#include "atlas-dataset-source-private.h"

/* Where the dataset the window shows comes from: the bundled copy, or a
 * staff member's folder, which is watched and reloaded when a file in it
 * changes. A reload that finds problems keeps the last good data on screen
 * and lists the problems; nothing is lost while someone fixes a typo.
 *
 * A folder loads in a worker thread: ten years of news take long enough
 * to read that the window must go on drawing meanwhile, and show how far
 * the load has come. The bundled copy is small and loads at once.
 */

/* Editors save in several steps; wait for them to finish. */
#define RELOAD_DELAY_MS 300

/* How often the main thread looks at how far a load has come. */
#define PROGRESS_INTERVAL_MS 50

/* One load of a folder, shared by the worker thread and the main thread. */
typedef struct
{
  GFile        *folder;
  AtlasDataset *dataset;      /* the worker's result */
  GPtrArray    *problems;
  int           permille;     /* atomic: how far the worker is */
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->folder);
  g_clear_object (&load->dataset);
  g_clear_pointer (&load->problems, g_ptr_array_unref);
  g_free (load);
}

struct _AtlasDatasetSource
{
  GObject             parent_instance;

  AtlasDataset       *dataset;
  GFile              *folder;
  GFileMonitor       *monitor;
  guint               reload_source;
  AtlasDatasetStatus  status;
  GStrv               problems;

  /* The load under way, if any. */
  GCancellable       *cancellable;
  Load               *load;
  guint               progress_source;
  double              progress;
};

G_DEFINE_FINAL_TYPE (AtlasDatasetSource, atlas_dataset_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_STATUS,
  PROP_PROBLEMS,
  PROP_LOADING,
  PROP_PROGRESS,
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

/* What a finished load means for what is shown. */
static void
apply (AtlasDatasetSource *self,
       AtlasDataset       *loaded,
       GPtrArray          *problems)
{
  if (loaded != NULL)
    {
      atlas_dataset_take_contents (self->dataset, loaded);
      set_state (self, ATLAS_DATASET_STATUS_OK, g_new0 (char *, 1));
    }
  else
    {
      /* Only a folder that once loaded has a last good version to show. */
      gboolean had_data = self->status == ATLAS_DATASET_STATUS_OK ||
                          self->status == ATLAS_DATASET_STATUS_STALE;

      set_state (self, had_data ? ATLAS_DATASET_STATUS_STALE : ATLAS_DATASET_STATUS_FAILED,
                 problem_messages (problems));
    }
}

static void
set_progress (AtlasDatasetSource *self,
              double              progress)
{
  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* No load under way any more, whether it ended or was cancelled. */
static void
forget_load (AtlasDatasetSource *self)
{
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->load = NULL;
}

/* Forgets the load under way, if any; the worker stops soon after. */
static void
cancel_load (AtlasDatasetSource *self)
{
  gboolean was_loading = self->load != NULL;

  g_cancellable_cancel (self->cancellable);
  forget_load (self);

  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  Load *load = user_data;

  g_assert (load != NULL);

  g_atomic_int_set (&load->permille, (int) (fraction * 1000));
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;
  AtlasDatasetProgress progress = { cancellable, on_load_progress, load };

  load->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  load->dataset = atlas_dataset_load_directory_full (load->folder, &progress, load->problems);
  g_task_return_boolean (task, TRUE);
}

static gboolean
poll_progress_cb (gpointer user_data)
{
  AtlasDatasetSource *self = user_data;

  g_assert (ATLAS_IS_DATASET_SOURCE (self));

  set_progress (self, g_atomic_int_get (&self->load->permille) / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AtlasDatasetSource *self = ATLAS_DATASET_SOURCE (object);
  GTask *task = G_TASK (result);
  Load *load = g_task_get_task_data (task);

  g_assert (ATLAS_IS_DATASET_SOURCE (self));

  /* A newer load, or the end of the source, made this one moot. */
  if (g_task_had_error (task) || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  forget_load (self);
  set_progress (self, 1.0);
  apply (self, load->dataset, load->problems);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Loads the bundled copy at once, a folder in a worker thread. */
static void
load (AtlasDatasetSource *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  cancel_load (self);

  if (self->folder == NULL)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      g_autoptr(AtlasDataset) loaded = atlas_dataset_load_bundled (problems);

      apply (self, loaded, problems);
      return;
    }

  load = g_new0 (Load, 1);
  load->folder = g_object_ref (self->folder);
  self->load = load;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_in_thread);

  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, poll_progress_cb, self);
  set_progress (self, 0.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
reload_cb (gpointer user_data)
{
  AtlasDatasetSource *self = user_data;

  g_assert (ATLAS_IS_DATASET_SOURCE (self));

  self->reload_source = 0;
  load (self);

  return G_SOURCE_REMOVE;
}

static void
on_folder_changed (GFileMonitor       *monitor,
                   GFile              *file,
                   GFile              *other_file,
                   GFileMonitorEvent   event,
                   AtlasDatasetSource *self)
{
  g_assert (ATLAS_IS_DATASET_SOURCE (self));

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

/* Loads the dataset in folder (NULL: the bundled one) and watches it. A
 * folder loads in the background: the status is LOADING until it is done.
 */
void
atlas_dataset_source_set_folder (AtlasDatasetSource *self,
                                 GFile              *folder)
{
  g_return_if_fail (ATLAS_IS_DATASET_SOURCE (self));
  g_return_if_fail (!folder || G_IS_FILE (folder));

  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->folder, folder);
  watch_folder (self);
  if (folder != NULL)
    set_state (self, ATLAS_DATASET_STATUS_LOADING, g_new0 (char *, 1));
  load (self);
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

/* Whether a folder is being read; the dataset changes when it is done. */
gboolean
atlas_dataset_source_get_loading (AtlasDatasetSource *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET_SOURCE (self), FALSE);

  return self->load != NULL;
}

/* How far the load under way is, from 0 to 1. */
double
atlas_dataset_source_get_progress (AtlasDatasetSource *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET_SOURCE (self), 0.0);

  return self->progress;
}

void
_atlas_dataset_source_reload (AtlasDatasetSource *self)
{
  g_return_if_fail (ATLAS_IS_DATASET_SOURCE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  load (self);
}

static void
atlas_dataset_source_dispose (GObject *object)
{
  AtlasDatasetSource *self = ATLAS_DATASET_SOURCE (object);

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, on_folder_changed, self);
  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  cancel_load (self);
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

    case PROP_LOADING:
      g_value_set_boolean (value, atlas_dataset_source_get_loading (self));
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
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
                      ATLAS_DATASET_STATUS_OK, ATLAS_DATASET_STATUS_LOADING, ATLAS_DATASET_STATUS_OK,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEMS] =
    g_param_spec_boxed ("problems", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_dataset_source_init (AtlasDatasetSource *self)
{
  self->dataset = atlas_dataset_new ();
  self->problems = g_new0 (char *, 1);
  /* Nothing has loaded yet: should the bundled copy fail, there is no last
   * good version to show, and an empty atlas must not pass for one.
   */
  self->status = ATLAS_DATASET_STATUS_LOADING;
  load (self);
}
