/* atlas-wrap-box.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-wrap-box"

#include "config.h"

#include "atlas-wrap-box.h"

/* Children side by side at their natural width, wrapping onto a new line
 * when the next one does not fit, like words: an article's topics. GtkFlowBox
 * aligns its children in columns, which spreads a few short ones far apart.
 */

struct _AtlasWrapBox
{
  GtkWidget  parent_instance;

  int        spacing;
};

G_DEFINE_FINAL_TYPE (AtlasWrapBox, atlas_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GtkWidget     *child;
  GtkAllocation  allocation;
} Placement;

/* Places the children in lines `width` wide, top-aligned, and returns the
 * height they take. `placements` may be NULL when only that height matters.
 */
static int
place_children (AtlasWrapBox *self,
                int           width,
                GArray       *placements)
{
  int x = 0;
  int y = 0;
  int line_height = 0;
  gboolean empty = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Placement placement = { child, { 0, } };
      int min_width, nat_width, height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_width, &nat_width, NULL, NULL);
      placement.allocation.width = MIN (nat_width, MAX (min_width, width));
      if (x > 0 && x + placement.allocation.width > width)
        {
          x = 0;
          y += line_height + self->spacing;
          line_height = 0;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, placement.allocation.width,
                          NULL, &height, NULL, NULL);

      placement.allocation.x = x;
      placement.allocation.y = y;
      placement.allocation.height = height;
      if (placements != NULL)
        g_array_append_val (placements, placement);

      x += placement.allocation.width + self->spacing;
      line_height = MAX (line_height, height);
      empty = FALSE;
    }

  return empty ? 0 : y + line_height;
}

/* As wide as the widest child, and no wider: a wrap box takes the width its
 * parent gives it. Asking for room to put everything on one line would
 * widen the sidebar each time a filter chip comes.
 */
static int
measure_width (AtlasWrapBox *self)
{
  int width = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
      width = MAX (width, child_min);
    }

  return width;
}

static GtkSizeRequestMode
atlas_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
atlas_wrap_box_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  AtlasWrapBox *self = ATLAS_WRAP_BOX (widget);
  int min_width = measure_width (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = min_width;
      return;
    }

  /* Without a width, the tallest case: the narrowest one. */
  *minimum = *natural = place_children (self, for_size >= 0 ? for_size : min_width, NULL);
}

static void
atlas_wrap_box_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  AtlasWrapBox *self = ATLAS_WRAP_BOX (widget);
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  place_children (self, width, placements);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);

      if (rtl)
        placement->allocation.x = width - placement->allocation.x - placement->allocation.width;
      gtk_widget_size_allocate (placement->child, &placement->allocation, -1);
    }
}

static void
atlas_wrap_box_dispose (GObject *object)
{
  atlas_wrap_box_remove_all (ATLAS_WRAP_BOX (object));

  G_OBJECT_CLASS (atlas_wrap_box_parent_class)->dispose (object);
}

static void
atlas_wrap_box_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasWrapBox *self = ATLAS_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_wrap_box_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasWrapBox *self = ATLAS_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      atlas_wrap_box_set_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_wrap_box_class_init (AtlasWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_wrap_box_dispose;
  object_class->get_property = atlas_wrap_box_get_property;
  object_class->set_property = atlas_wrap_box_set_property;

  widget_class->get_request_mode = atlas_wrap_box_get_request_mode;
  widget_class->measure = atlas_wrap_box_measure;
  widget_class->size_allocate = atlas_wrap_box_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "atlaswrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_wrap_box_init (AtlasWrapBox *self)
{
}

/* Between children on a line, and between lines. */
void
atlas_wrap_box_set_spacing (AtlasWrapBox *self,
                            int           spacing)
{
  g_return_if_fail (ATLAS_IS_WRAP_BOX (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

void
atlas_wrap_box_append (AtlasWrapBox *self,
                       GtkWidget    *child)
{
  g_return_if_fail (ATLAS_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
atlas_wrap_box_remove_all (AtlasWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (ATLAS_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}
