/* atlas-history.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-history"

#include "config.h"

#include "atlas-history.h"
#include "atlas-history-private.h"

/* Back and forward through what was opened, as a browser does: the ids of
 * the geoparks, places and articles shown (ids are unique across the
 * dataset), and where we are among them. Opening something new drops what
 * was ahead. Ids rather than objects, so that a reload of the dataset
 * leaves the history usable.
 */

/* Enough to retrace a session; the oldest go first. */
#define MAX_ENTRIES 100

struct _AtlasHistory
{
  GObject    parent_instance;

  GPtrArray *ids;
  guint      position;   /* of the current id, when there is one */
};

G_DEFINE_FINAL_TYPE (AtlasHistory, atlas_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What observers see, kept before a change to notify only what differs. */
typedef struct
{
  char     *current;
  gboolean  can_go_back;
  gboolean  can_go_forward;
} State;

static void
save_state (AtlasHistory *self,
            State        *state)
{
  state->current = g_strdup (atlas_history_get_current (self));
  state->can_go_back = atlas_history_can_go_back (self);
  state->can_go_forward = atlas_history_can_go_forward (self);
}

static void
notify_changes (AtlasHistory *self,
                State        *before)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (before->current, atlas_history_get_current (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  if (before->can_go_back != atlas_history_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  if (before->can_go_forward != atlas_history_can_go_forward (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
  g_object_thaw_notify (G_OBJECT (self));

  g_clear_pointer (&before->current, g_free);
}

AtlasHistory *
atlas_history_new (void)
{
  return g_object_new (ATLAS_TYPE_HISTORY, NULL);
}

/* @id is opened: it becomes the current entry, and what was ahead of the
 * current one is gone. Opening what is shown already changes nothing.
 */
void
atlas_history_push (AtlasHistory *self,
                    const char   *id)
{
  State before;

  g_return_if_fail (ATLAS_IS_HISTORY (self));
  g_return_if_fail (id != NULL);

  if (g_strcmp0 (atlas_history_get_current (self), id) == 0)
    return;

  save_state (self, &before);
  if (self->ids->len > 0)
    g_ptr_array_set_size (self->ids, self->position + 1);
  g_ptr_array_add (self->ids, g_strdup (id));
  if (self->ids->len > MAX_ENTRIES)
    g_ptr_array_remove_index (self->ids, 0);
  self->position = self->ids->len - 1;
  notify_changes (self, &before);
}

/* NULL before anything was opened. */
const char *
atlas_history_get_current (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), NULL);

  return self->ids->len > 0 ? g_ptr_array_index (self->ids, self->position) : NULL;
}

gboolean
atlas_history_can_go_back (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return self->ids->len > 0 && self->position > 0;
}

gboolean
atlas_history_can_go_forward (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return self->ids->len > 0 && self->position < self->ids->len - 1;
}

static const char *
move (AtlasHistory *self,
      int           step)
{
  State before;

  save_state (self, &before);
  self->position += step;
  notify_changes (self, &before);

  return atlas_history_get_current (self);
}

/* The id to show now, or NULL (and nothing changes) at the start. */
const char *
atlas_history_go_back (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), NULL);

  return atlas_history_can_go_back (self) ? move (self, -1) : NULL;
}

/* The id to show now, or NULL (and nothing changes) at the end. */
const char *
atlas_history_go_forward (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), NULL);

  return atlas_history_can_go_forward (self) ? move (self, 1) : NULL;
}

/* Forgets everything, as when another dataset is opened. */
void
_atlas_history_clear (AtlasHistory *self)
{
  State before;

  g_return_if_fail (ATLAS_IS_HISTORY (self));

  save_state (self, &before);
  g_ptr_array_set_size (self->ids, 0);
  self->position = 0;
  notify_changes (self, &before);
}

static void
atlas_history_finalize (GObject *object)
{
  AtlasHistory *self = ATLAS_HISTORY (object);

  g_ptr_array_unref (self->ids);

  G_OBJECT_CLASS (atlas_history_parent_class)->finalize (object);
}

static void
atlas_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasHistory *self = ATLAS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_string (value, atlas_history_get_current (self));
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, atlas_history_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, atlas_history_can_go_forward (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_history_class_init (AtlasHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_history_finalize;
  object_class->get_property = atlas_history_get_property;

  properties[PROP_CURRENT] =
    g_param_spec_string ("current", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_history_init (AtlasHistory *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
}
