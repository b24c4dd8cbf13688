/* atlas-label-placement.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-label-placement"

#include "config.h"

#include "atlas-label-placement.h"

/* Where the map's labels go, so that none covers a pin, a count badge or
 * another label. Pins and badges are obstacles: they stay where their
 * places are. Each label offers a few boxes, best first (on its anchor,
 * then above, below, beside it); in order of priority, and in the order
 * they were added within one priority, each label takes the first box
 * that meets nothing placed before it, or is left out. The same labels
 * and obstacles always give the same result. libshumate has no labels of
 * its own to place; a map a few hundred items deep needs no more than
 * this greedy pass.
 */

typedef struct
{
  AtlasLabelPriority priority;
  guint              first;        /* its candidates in the placement's array */
  guint              n_candidates;
  int                choice;       /* the candidate taken, or -1: left out */
} Label;

struct _AtlasLabelPlacement
{
  GArray *obstacles;   /* AtlasLabelBox */
  GArray *labels;      /* Label */
  GArray *candidates;  /* AtlasLabelBox, by label */
  GArray *placed;      /* AtlasLabelBox: the boxes taken, while placing */
  GArray *order;       /* guint: the labels in the order they are placed */
};

AtlasLabelPlacement *
atlas_label_placement_new (void)
{
  AtlasLabelPlacement *self = g_new0 (AtlasLabelPlacement, 1);

  self->obstacles = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  self->labels = g_array_new (FALSE, FALSE, sizeof (Label));
  self->candidates = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  self->placed = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));

  return self;
}

void
atlas_label_placement_free (AtlasLabelPlacement *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->obstacles);
  g_array_unref (self->labels);
  g_array_unref (self->candidates);
  g_array_unref (self->placed);
  g_array_unref (self->order);
  g_free (self);
}

/* Forgets every obstacle and label, keeping the memory for the next frame. */
void
atlas_label_placement_clear (AtlasLabelPlacement *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->obstacles, 0);
  g_array_set_size (self->labels, 0);
  g_array_set_size (self->candidates, 0);
}

gboolean
atlas_label_box_intersects (const AtlasLabelBox *a,
                            const AtlasLabelBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Something drawn where it must be: a pin or a badge. Its priority says
 * only that it comes before every label; obstacles may meet each other.
 */
void
atlas_label_placement_add_obstacle (AtlasLabelPlacement *self,
                                    const AtlasLabelBox *box,
                                    AtlasLabelPriority   priority)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (box != NULL);
  g_return_if_fail (priority <= ATLAS_LABEL_PRIORITY_PIN);

  g_array_append_val (self->obstacles, *box);
}

/* A label that may go in any of @candidates, best first; returns its
 * index, for atlas_label_placement_get_choice().
 */
guint
atlas_label_placement_add_label (AtlasLabelPlacement *self,
                                 AtlasLabelPriority   priority,
                                 const AtlasLabelBox *candidates,
                                 guint                n_candidates)
{
  Label label = { priority, 0, n_candidates, -1 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (candidates != NULL || n_candidates == 0, 0);

  label.first = self->candidates->len;
  g_array_append_vals (self->candidates, candidates, n_candidates);
  g_array_append_val (self->labels, label);

  return self->labels->len - 1;
}

static gboolean
meets_any (GArray              *boxes,
           const AtlasLabelBox *box)
{
  const AtlasLabelBox *all = (const AtlasLabelBox *) (void *) boxes->data;

  for (guint i = 0; i < boxes->len; i++)
    if (atlas_label_box_intersects (&all[i], box))
      return TRUE;

  return FALSE;
}

static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Label *labels = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (labels[i].priority != labels[j].priority)
    return labels[i].priority < labels[j].priority ? -1 : 1;

  return i < j ? -1 : i > j;
}

/* Places every label added since the last atlas_label_placement_clear(). */
void
atlas_label_placement_place (AtlasLabelPlacement *self)
{
  Label *labels;

  g_return_if_fail (self != NULL);

  labels = (Label *) (void *) self->labels->data;
  g_array_set_size (self->order, self->labels->len);
  for (guint i = 0; i < self->labels->len; i++)
    g_array_index (self->order, guint, i) = i;
  g_array_sort_with_data (self->order, compare_order, labels);

  g_array_set_size (self->placed, 0);
  g_array_append_vals (self->placed, self->obstacles->data, self->obstacles->len);
  for (guint k = 0; k < self->order->len; k++)
    {
      Label *label = &labels[g_array_index (self->order, guint, k)];

      label->choice = -1;
      for (guint c = 0; c < label->n_candidates && label->choice < 0; c++)
        {
          const AtlasLabelBox *box = &g_array_index (self->candidates, AtlasLabelBox,
                                                     label->first + c);

          if (meets_any (self->placed, box))
            continue;

          label->choice = c;
          g_array_append_val (self->placed, *box);
        }
    }
}

guint
atlas_label_placement_get_n_labels (AtlasLabelPlacement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

/* The candidate the label took, or -1 when it is left out. */
int
atlas_label_placement_get_choice (AtlasLabelPlacement *self,
                                  guint                label)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (label < self->labels->len, -1);

  return g_array_index (self->labels, Label, label).choice;
}

/* The box the label took, or NULL when it is left out. */
const AtlasLabelBox *
atlas_label_placement_get_box (AtlasLabelPlacement *self,
                               guint                label)
{
  const Label *l;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (label < self->labels->len, NULL);

  l = &g_array_index (self->labels, Label, label);
  if (l->choice < 0)
    return NULL;

  return &g_array_index (self->candidates, AtlasLabelBox, l->first + l->choice);
}
