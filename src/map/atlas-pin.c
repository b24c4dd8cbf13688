/* atlas-pin.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-pin"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-i18n.h"
#include "atlas-pin-private.h"

/* A place on the map, or a group of places too close together to tell apart
 * at this zoom (a badge with their count).
 *
 * libshumate 1.0 centres a marker on its coordinate and later versions
 * anchor it by its alignment, which we leave at the default: so the pin is
 * drawn with its tip at the centre of the widget, and the lower half empty.
 */

#define HEAD_RADIUS 14.0
#define OUTLINE 2.0
#define WIDTH (2 * (HEAD_RADIUS + OUTLINE))
#define TIP_Y 40.0
#define HEIGHT (2 * TIP_Y)
#define ICON_SIZE 16
#define SELECTED_SCALE 1.3
/* Bodies are kept drawn for scale factors up to this one. */
#define MAX_CACHED_SCALE 3
/* A pin none of whose places matches the search steps back: still there
 * to be clicked, and legible on either map, but behind those that match.
 */
#define DIMMED_OPACITY 0.5

struct _AtlasPin
{
  ShumateMarker  parent_instance;

  GPtrArray     *places;       /* AtlasPlace; one unless a group */
  char          *tooltip;
  GtkWidget     *image;
  GtkWidget     *count_label;
  int            n_matches;    /* its places the search finds, -1 without one */
  gboolean       highlighted;
  gboolean       vector;       /* drawn afresh, not from the shared bodies */
};

G_DEFINE_FINAL_TYPE (AtlasPin, atlas_pin, SHUMATE_TYPE_MARKER)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Colours that read on light and dark tiles alike, with a white outline. */
static const char *kind_colours[ATLAS_N_PLACE_KINDS] = {
  "#c64600", /* geology: rock orange */
  "#1c71d8", /* landscape: blue */
  "#9141ac", /* culture: purple */
  "#26a269", /* biodiversity: green */
  "#865e3c", /* venue: brown */
  "#5e5c64", /* partner geopark: slate */
};

static const char *kind_icons[ATLAS_N_PLACE_KINDS] = {
  "atlas-geology-symbolic",
  "atlas-landscape-symbolic",
  "atlas-culture-symbolic",
  "atlas-biology-symbolic",
  "atlas-venue-symbolic",
  "atlas-partner-geopark-symbolic",
};

const char *
atlas_place_kind_get_icon_name (AtlasPlaceKind kind)
{
  g_return_val_if_fail (kind < ATLAS_N_PLACE_KINDS, NULL);

  return kind_icons[kind];
}

/* "Thác Bản Giốc, geology site": what a screen reader says for a pin. */
static char *
describe_place (AtlasPlace *place)
{
  const char *name = atlas_text_get (atlas_place_get_name (place),
                                     atlas_i18n_get_content_language ());

  switch (atlas_place_get_kind (place))
    {
    case ATLAS_PLACE_KIND_GEOLOGY:
      return g_strdup_printf (_("%s, geology site"), name);
    case ATLAS_PLACE_KIND_LANDSCAPE:
      return g_strdup_printf (_("%s, landscape site"), name);
    case ATLAS_PLACE_KIND_CULTURE:
      return g_strdup_printf (_("%s, culture site"), name);
    case ATLAS_PLACE_KIND_BIOLOGY:
      return g_strdup_printf (_("%s, biodiversity site"), name);
    case ATLAS_PLACE_KIND_VENUE:
      return g_strdup_printf (_("%s, event venue"), name);
    case ATLAS_PLACE_KIND_PARTNER_GEOPARK:
      return g_strdup_printf (_("%s, partner geopark"), name);
    case ATLAS_N_PLACE_KINDS:
    default:
      g_return_val_if_reached (g_strdup (name));
    }
}

static AtlasPlace *
first_place (AtlasPin *self)
{
  return g_ptr_array_index (self->places, 0);
}

static void
get_colour (AtlasPin *self,
            GdkRGBA  *colour)
{
  if (atlas_pin_is_group (self))
    gdk_rgba_parse (colour, "#3d3846");
  else
    gdk_rgba_parse (colour, kind_colours[atlas_place_get_kind (first_place (self))]);
}

static void
trace_pin (cairo_t  *cr,
           gboolean  group)
{
  double cx = WIDTH / 2;
  double cy = OUTLINE + HEAD_RADIUS;

  if (group)
    {
      /* A group has no single tip: a disc centred on the middle of its places. */
      cairo_arc (cr, cx, TIP_Y, HEAD_RADIUS, 0, 2 * G_PI);
      return;
    }

  /* The head, and two tangents meeting at the tip. */
  cairo_move_to (cr, cx, TIP_Y);
  cairo_arc (cr, cx, cy, HEAD_RADIUS, G_PI * 0.75, G_PI * 2.25);
  cairo_close_path (cr);
}

static void
draw_body (AtlasPin *self,
           cairo_t  *cr)
{
  GdkRGBA colour;

  get_colour (self, &colour);
  trace_pin (cr, atlas_pin_is_group (self));
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, self->highlighted ? OUTLINE * 1.5 : OUTLINE);
  if (self->highlighted)
    cairo_set_source_rgb (cr, 0.96, 0.83, 0.18);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke (cr);
}

/* Hundreds of pins share a few bodies, one per colour and scale factor,
 * drawn once for the process: tracing and filling each pin every frame
 * was most of the cost of panning over many places.
 */
typedef struct
{
  cairo_surface_t *surface;
  GdkTexture      *texture;
} Body;

static Body bodies[ATLAS_N_PLACE_KINDS + 1][MAX_CACHED_SCALE];

static Body *
get_body (AtlasPin *self,
          int       scale)
{
  guint colour = atlas_pin_is_group (self) ? ATLAS_N_PLACE_KINDS
                                           : atlas_place_get_kind (first_place (self));
  Body *body = &bodies[colour][scale - 1];
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  if (body->surface != NULL)
    return body;

  body->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale, HEIGHT * scale);
  cairo_surface_set_device_scale (body->surface, scale, scale);
  cr = cairo_create (body->surface);
  draw_body (self, cr);
  cairo_destroy (cr);
  cairo_surface_flush (body->surface);

  /* Cairo's ARGB32 is GDK's default memory format, on either endianness. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (body->surface),
                                      (gsize) cairo_image_surface_get_stride (body->surface) *
                                      HEIGHT * scale,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (body->surface));
  body->texture = gdk_memory_texture_new (WIDTH * scale, HEIGHT * scale, GDK_MEMORY_DEFAULT, bytes,
                                          cairo_image_surface_get_stride (body->surface));

  return body;
}

/* GTK 4.8's cairo renderer converts a texture's every pixel each frame; it
 * paints a surface as it is. Other renderers keep textures on the GPU.
 */
static gboolean
renders_with_cairo (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);

  return native == NULL || GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native));
}

static void
atlas_pin_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  AtlasPin *self = ATLAS_PIN (widget);
  gboolean group = atlas_pin_is_group (self);
  double scale = self->highlighted ? SELECTED_SCALE : 1.0;
  int scale_factor = gtk_widget_get_scale_factor (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT);
  cairo_t *cr;

  /* Grow around the tip, so that the pin still points at its place. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (WIDTH / 2, TIP_Y));
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-WIDTH / 2, -TIP_Y));

  /* A highlighted pin is scaled, and a shared body would blur. */
  if (self->highlighted || self->vector || scale_factor > MAX_CACHED_SCALE)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      draw_body (self, cr);
      cairo_destroy (cr);
    }
  else if (renders_with_cairo (widget))
    {
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_set_source_surface (cr, get_body (self, scale_factor)->surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  else
    gtk_snapshot_append_texture (snapshot, get_body (self, scale_factor)->texture, &bounds);

  gtk_widget_snapshot_child (widget, group ? self->count_label : self->image, snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
atlas_pin_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  AtlasPin *self = ATLAS_PIN (widget);
  int size = orientation == GTK_ORIENTATION_HORIZONTAL ? WIDTH : HEIGHT;

  /* Measure the children even though the pin's size is fixed: GTK wants it. */
  gtk_widget_measure (self->image, orientation, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (self->count_label, orientation, -1, NULL, NULL, NULL, NULL);

  *minimum = *natural = size;
}

static void
atlas_pin_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  AtlasPin *self = ATLAS_PIN (widget);
  double head_y = atlas_pin_is_group (self) ? TIP_Y : OUTLINE + HEAD_RADIUS;
  int label_width, label_height;

  gtk_widget_size_allocate (self->image,
                            &(GtkAllocation) { (WIDTH - ICON_SIZE) / 2,
                                               head_y - ICON_SIZE / 2,
                                               ICON_SIZE, ICON_SIZE }, -1);

  gtk_widget_measure (self->count_label, GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &label_width, NULL, NULL);
  gtk_widget_measure (self->count_label, GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &label_height, NULL, NULL);
  gtk_widget_size_allocate (self->count_label,
                            &(GtkAllocation) { (WIDTH - label_width) / 2,
                                               TIP_Y - label_height / 2.0,
                                               label_width, label_height }, -1);
}

/* Only the drawn pin takes clicks, not the empty half below the tip. */
static gboolean
atlas_pin_contains (GtkWidget *widget,
                    double     x,
                    double     y)
{
  AtlasPin *self = ATLAS_PIN (widget);
  double cy = atlas_pin_is_group (self) ? TIP_Y : OUTLINE + HEAD_RADIUS;

  return hypot (x - WIDTH / 2, y - cy) <= HEAD_RADIUS + OUTLINE + 2 ||
         (!atlas_pin_is_group (self) && y >= cy && y <= TIP_Y && fabs (x - WIDTH / 2) < 6);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            AtlasPin        *self)
{
  g_assert (ATLAS_IS_PIN (self));

  /* Ours: libshumate 1.0's map would zoom on a double click too. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (n_press == 1)
    g_signal_emit (self, signals[ACTIVATE], 0);
}

static gboolean
atlas_pin_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  AtlasPin *self = ATLAS_PIN (widget);

  /* Told by atlas_pin_set_places(). */
  if (self->tooltip == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->tooltip);
  return TRUE;
}

static void
atlas_pin_dispose (GObject *object)
{
  AtlasPin *self = ATLAS_PIN (object);

  g_clear_pointer (&self->image, gtk_widget_unparent);
  g_clear_pointer (&self->count_label, gtk_widget_unparent);

  G_OBJECT_CLASS (atlas_pin_parent_class)->dispose (object);
}

static void
atlas_pin_finalize (GObject *object)
{
  AtlasPin *self = ATLAS_PIN (object);

  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->tooltip, g_free);

  G_OBJECT_CLASS (atlas_pin_parent_class)->finalize (object);
}

static void
atlas_pin_class_init (AtlasPinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_pin_dispose;
  object_class->finalize = atlas_pin_finalize;

  widget_class->snapshot = atlas_pin_snapshot;
  widget_class->measure = atlas_pin_measure;
  widget_class->size_allocate = atlas_pin_size_allocate;
  widget_class->contains = atlas_pin_contains;
  widget_class->query_tooltip = atlas_pin_query_tooltip;

  signals[ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  /* Keyboard users activate a focused pin like a button. */
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "atlaspin");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
atlas_pin_init (AtlasPin *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  /* ShumateMarker lays out one child over its whole area; the pin places its
   * icon in its head itself.
   */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  self->places = g_ptr_array_new_with_free_func (g_object_unref);
  self->n_matches = -1;

  self->image = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (self->image), ICON_SIZE);
  gtk_widget_set_parent (self->image, GTK_WIDGET (self));

  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "count");
  gtk_widget_set_parent (self->count_label, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

static void
set_location_to_centre (AtlasPin *self)
{
  double latitude = 0, longitude = 0;

  for (guint i = 0; i < self->places->len; i++)
    {
      latitude += atlas_place_get_latitude (g_ptr_array_index (self->places, i));
      longitude += atlas_place_get_longitude (g_ptr_array_index (self->places, i));
    }

  shumate_location_set_location (SHUMATE_LOCATION (self),
                                 latitude / self->places->len,
                                 longitude / self->places->len);
}

/* The tooltip is given when asked for: gtk_widget_set_tooltip_text() asks
 * the display where the pointer is, a round trip to the X server for every
 * pin moved on to another place. What it would tell a screen reader is
 * said here too.
 */
static void
set_tooltip (AtlasPin   *self,
             const char *text)
{
  g_free (self->tooltip);
  self->tooltip = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
show_place (AtlasPin *self)
{
  AtlasPlace *place = first_place (self);
  const char *icon_name = kind_icons[atlas_place_get_kind (place)];
  g_autofree char *description = describe_place (place);

  if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (self->image)), icon_name) != 0)
    gtk_image_set_from_icon_name (GTK_IMAGE (self->image), icon_name);
  gtk_widget_set_visible (self->image, TRUE);
  gtk_widget_set_visible (self->count_label, FALSE);

  set_tooltip (self, atlas_text_get (atlas_place_get_name (place),
                                     atlas_i18n_get_content_language ()));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* A group's badge counts what the search finds in it, when that is some
 * of its places; its label says of how many.
 */
static void
show_group (AtlasPin *self)
{
  guint n = self->places->len;
  gboolean some_match = self->n_matches > 0 && (guint) self->n_matches < n;
  g_autofree char *count = g_strdup_printf ("%u", some_match ? (guint) self->n_matches : n);
  g_autofree char *description = NULL;

  gtk_label_set_label (GTK_LABEL (self->count_label), count);
  gtk_widget_set_visible (self->count_label, TRUE);
  gtk_widget_set_visible (self->image, FALSE);

  if (some_match)
    /* Translators: a badge on the map for places too close together to
     * tell apart, some of which the search finds: "3 of 12 places match…"
     */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u of %u places matches the search, zoom in to "
                                                "tell them apart",
                                                "%u of %u places match the search, zoom in to "
                                                "tell them apart",
                                                self->n_matches),
                                   self->n_matches, n);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u place, zoom in to see it",
                                                "%u places, zoom in to tell them apart",
                                                n),
                                   n);
  set_tooltip (self, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* Makes the pin stand for these places: a place, or a badge for several
 * too close to tell apart; refs them. The map moves its markers on to other
 * places rather than making new ones: a new widget costs hundreds of times
 * more, most of it in styling it.
 */
void
atlas_pin_set_places (AtlasPin          *self,
                      AtlasPlace *const *places,
                      guint              n_places)
{
  gboolean was_group;

  g_return_if_fail (ATLAS_IS_PIN (self));
  g_return_if_fail (places != NULL && n_places > 0);

  was_group = self->places->len > 1;
  for (guint i = 0; i < n_places; i++)
    g_object_ref (places[i]);
  g_ptr_array_set_size (self->places, 0);
  for (guint i = 0; i < n_places; i++)
    g_ptr_array_add (self->places, places[i]);
  set_location_to_centre (self);

  if (n_places > 1)
    show_group (self);
  else
    show_place (self);

  /* A group's badge stands where a pin's tip would. */
  if (was_group != (n_places > 1))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The place of a single pin; NULL for a group. */
AtlasPlace *
atlas_pin_get_place (AtlasPin *self)
{
  g_return_val_if_fail (ATLAS_IS_PIN (self), NULL);

  return atlas_pin_is_group (self) ? NULL : first_place (self);
}

GPtrArray *
atlas_pin_get_places (AtlasPin *self)
{
  g_return_val_if_fail (ATLAS_IS_PIN (self), NULL);

  return self->places;
}

gboolean
atlas_pin_is_group (AtlasPin *self)
{
  g_return_val_if_fail (ATLAS_IS_PIN (self), FALSE);

  return self->places->len > 1;
}

void
atlas_pin_set_highlighted (AtlasPin *self,
                           gboolean  highlighted)
{
  g_return_if_fail (ATLAS_IS_PIN (self));

  if (self->highlighted == highlighted)
    return;

  self->highlighted = highlighted;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, highlighted, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* How many of the pin's places the search finds, or -1 when nothing is
 * searched: a pin with none steps back, a group's badge counts them.
 */
void
atlas_pin_set_n_matches (AtlasPin *self,
                         int       n_matches)
{
  g_return_if_fail (ATLAS_IS_PIN (self));
  g_return_if_fail (n_matches >= -1);

  if (self->n_matches == n_matches)
    return;

  self->n_matches = n_matches;
  gtk_widget_set_opacity (GTK_WIDGET (self), n_matches == 0 ? DIMMED_OPACITY : 1.0);
  if (atlas_pin_is_group (self))
    show_group (self);
}

int
atlas_pin_get_n_matches (AtlasPin *self)
{
  g_return_val_if_fail (ATLAS_IS_PIN (self), -1);

  return self->n_matches;
}

/* Whether the pin is drawn afresh rather than from the bodies drawn once
 * for the screen's scale: an image exported at another scale needs it.
 */
void
atlas_pin_set_vector (AtlasPin *self,
                      gboolean  vector)
{
  g_return_if_fail (ATLAS_IS_PIN (self));

  if (self->vector == !!vector)
    return;

  self->vector = !!vector;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The box of what the pin draws, around its place (the tip, or a badge's
 * centre), with the outline and a selected pin's size: labels keep out of it.
 */
void
_atlas_pin_get_body_box (AtlasPin        *self,
                         graphene_rect_t *box)
{
  double scale;

  g_return_if_fail (ATLAS_IS_PIN (self));
  g_return_if_fail (box != NULL);

  if (atlas_pin_is_group (self))
    {
      *box = GRAPHENE_RECT_INIT (-(HEAD_RADIUS + OUTLINE), -(HEAD_RADIUS + OUTLINE),
                                 2 * (HEAD_RADIUS + OUTLINE), 2 * (HEAD_RADIUS + OUTLINE));
      return;
    }

  scale = self->highlighted ? SELECTED_SCALE : 1.0;
  *box = GRAPHENE_RECT_INIT (-WIDTH / 2 * scale, -TIP_Y * scale, WIDTH * scale, TIP_Y * scale);
}

/* What the pin's tooltip says: the place's name, or how many places. */
const char *
_atlas_pin_get_tooltip (AtlasPin *self)
{
  g_return_val_if_fail (ATLAS_IS_PIN (self), NULL);

  return self->tooltip;
}

gboolean
atlas_pin_get_highlighted (AtlasPin *self)
{
  g_return_val_if_fail (ATLAS_IS_PIN (self), FALSE);

  return self->highlighted;
}
