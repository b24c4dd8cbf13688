/* atlas-start-page.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-start-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-detail-util.h"
#include "atlas-i18n.h"
#include "atlas-start-page-private.h"

/* The detail panel before anything is opened: the geoparks, each with the
 * province it is in today and how many places and news it has, and the
 * latest news. Every row opens its item as the sidebar and the map do,
 * through win.open-item.
 */

/* A handful: the sidebar lists them all. */
#define MAX_NEWS 5

struct _AtlasStartPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkWidget         *geoparks_group;
  GtkListBox        *geoparks_list;
  GtkWidget         *news_group;
  GtkListBox        *news_list;

  /* Owned references */
  AtlasDataset      *dataset;

  /* The rows are made when the page is shown: a start that reopens the
   * last item, or a reload while an item is open, never needs them. And
   * they come in the frame after the one that shows the page (a tick
   * callback that waits one frame): laying out their wrapped Vietnamese
   * text is work the window's first frame, or a reload's, can do without.
   */
  gboolean           stale;
  guint              refresh_tick;
  gboolean           refresh_held;
};

G_DEFINE_FINAL_TYPE (AtlasStartPage, atlas_start_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A dot of the geopark's colour, as its area has on the map. */
static void
draw_colour_mark (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  const GdkRGBA *colour = user_data;

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_fill (cr);
}

static GtkWidget *
colour_mark_new (const AtlasColour *colour)
{
  GdkRGBA rgba = { colour->red, colour->green, colour->blue, 1 };
  GtkWidget *mark;

  mark = g_object_new (GTK_TYPE_DRAWING_AREA,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "content-width", 12,
                       "content-height", 12,
                       "valign", GTK_ALIGN_CENTER,
                       NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (mark), draw_colour_mark,
                                  gdk_rgba_copy (&rgba), (GDestroyNotify) gdk_rgba_free);

  return mark;
}

/* "15 places · 17 news items", from the dataset's links, not a scan. */
static char *
describe_counts (guint n_places,
                 guint n_news)
{
  g_autofree char *places = NULL;
  g_autofree char *news = NULL;

  if (n_places == 0)
    places = g_strdup (_("No places"));
  else
    places = g_strdup_printf (ngettext ("%u place", "%u places", n_places), n_places);

  if (n_news == 0)
    news = g_strdup (_("No news"));
  else
    news = g_strdup_printf (ngettext ("%u news item", "%u news items", n_news), n_news);

  /* Translators: how many places, then how many news items a geopark has */
  return g_strdup_printf (_("%s · %s"), places, news);
}

/* Its name, the province it is in since the provinces merged in 2025,
 * then its counts.
 */
static GtkWidget *
geopark_row_new (AtlasStartPage *self,
                 AtlasGeopark   *geopark,
                 AtlasLanguage   language)
{
  const char *id = atlas_geopark_get_id (geopark);
  AtlasText *province = atlas_geopark_get_province (geopark);
  guint n_places = atlas_dataset_get_geopark_places (self->dataset, id)->len;
  guint n_news = atlas_dataset_get_geopark_articles (self->dataset, id)->len;
  g_autofree char *counts = describe_counts (n_places, n_news);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (province != NULL)
    {
      g_autofree char *in = NULL;

      /* Translators: the province a geopark is in today, e.g. "Tuyen Quang Province" */
      in = g_strdup_printf (C_("geopark", "%s Province"), atlas_text_get (province, language));
      subtitle = g_strdup_printf ("%s\n%s", in, counts);
    }
  else
    subtitle = g_steal_pointer (&counts);

  row = atlas_detail_geopark_row_new (geopark, language);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             colour_mark_new (atlas_geopark_get_colour (geopark)));

  return row;
}

static void
show_geoparks (AtlasStartPage *self,
               AtlasLanguage   language)
{
  GListModel *geoparks = atlas_dataset_get_geoparks (self->dataset);
  guint n_geoparks = g_list_model_get_n_items (geoparks);

  atlas_detail_clear_list (self->geoparks_list);
  for (guint i = 0; i < n_geoparks; i++)
    {
      g_autoptr(AtlasGeopark) geopark = g_list_model_get_item (geoparks, i);

      gtk_list_box_append (self->geoparks_list, geopark_row_new (self, geopark, language));
    }

  gtk_widget_set_visible (self->geoparks_group, n_geoparks > 0);
}

/* The dataset keeps the news newest first: the first few are the latest. */
static void
show_news (AtlasStartPage *self,
           AtlasLanguage   language)
{
  GPtrArray *articles = atlas_dataset_get_articles_by_date (self->dataset);

  atlas_detail_clear_list (self->news_list);
  for (guint i = 0; i < MIN (articles->len, MAX_NEWS); i++)
    gtk_list_box_append (self->news_list,
                         atlas_detail_article_row_new (self->dataset,
                                                       g_ptr_array_index (articles, i),
                                                       language));

  gtk_widget_set_visible (self->news_group, articles->len > 0);
}

static void
refresh (AtlasStartPage *self)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  gboolean empty;

  self->stale = FALSE;
  if (self->dataset == NULL)
    return;

  show_geoparks (self, language);
  show_news (self, language);
  empty = !gtk_widget_get_visible (self->geoparks_group) &&
          !gtk_widget_get_visible (self->news_group);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "start");
  atlas_detail_scroll_to_top (self->scrolled_window);
}

static gboolean
refresh_tick (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  AtlasStartPage *self = ATLAS_START_PAGE (widget);

  g_assert (ATLAS_IS_START_PAGE (self));

  /* This frame shows the page as it is. */
  if (self->refresh_held)
    {
      self->refresh_held = FALSE;
      return G_SOURCE_CONTINUE;
    }

  self->refresh_tick = 0;
  if (self->stale)
    refresh (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AtlasStartPage *self)
{
  self->refresh_held = TRUE;
  if (self->refresh_tick == 0)
    self->refresh_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), refresh_tick, NULL,
                                                       NULL);
}

static void
cancel_refresh (AtlasStartPage *self)
{
  if (self->refresh_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->refresh_tick);
  self->refresh_tick = 0;
}

/* A reload replaces the articles last: the geoparks and the links are new
 * by then.
 */
static void
on_articles_changed (AtlasStartPage *self)
{
  g_assert (ATLAS_IS_START_PAGE (self));

  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_refresh (self);
}

/* Whether the rows are still to be made or made again. */
gboolean
_atlas_start_page_get_pending (AtlasStartPage *self)
{
  g_return_val_if_fail (ATLAS_IS_START_PAGE (self), FALSE);

  return self->stale;
}

AtlasDataset *
atlas_start_page_get_dataset (AtlasStartPage *self)
{
  g_return_val_if_fail (ATLAS_IS_START_PAGE (self), NULL);

  return self->dataset;
}

void
atlas_start_page_set_dataset (AtlasStartPage *self,
                              AtlasDataset   *dataset)
{
  g_return_if_fail (ATLAS_IS_START_PAGE (self));
  g_return_if_fail (!dataset || ATLAS_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_func (atlas_dataset_get_articles (self->dataset),
                                          on_articles_changed, self);
  g_set_object (&self->dataset, dataset);
  if (dataset != NULL)
    g_signal_connect_object (atlas_dataset_get_articles (dataset), "items-changed",
                             G_CALLBACK (on_articles_changed), self, G_CONNECT_SWAPPED);

  on_articles_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

static void
atlas_start_page_map (GtkWidget *widget)
{
  AtlasStartPage *self = ATLAS_START_PAGE (widget);

  GTK_WIDGET_CLASS (atlas_start_page_parent_class)->map (widget);

  if (self->stale)
    queue_refresh (self);
}

static void
atlas_start_page_unmap (GtkWidget *widget)
{
  cancel_refresh (ATLAS_START_PAGE (widget));

  GTK_WIDGET_CLASS (atlas_start_page_parent_class)->unmap (widget);
}

static void
atlas_start_page_dispose (GObject *object)
{
  AtlasStartPage *self = ATLAS_START_PAGE (object);

  cancel_refresh (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_START_PAGE);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_start_page_parent_class)->dispose (object);
}

static void
atlas_start_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasStartPage *self = ATLAS_START_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_start_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasStartPage *self = ATLAS_START_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      atlas_start_page_set_dataset (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_start_page_class_init (AtlasStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_start_page_dispose;
  object_class->get_property = atlas_start_page_get_property;
  object_class->set_property = atlas_start_page_set_property;
  widget_class->map = atlas_start_page_map;
  widget_class->unmap = atlas_start_page_unmap;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ATLAS_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/atlas-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasStartPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasStartPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AtlasStartPage, geoparks_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasStartPage, geoparks_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasStartPage, news_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasStartPage, news_list);
}

static void
atlas_start_page_init (AtlasStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_start_page_new (void)
{
  return g_object_new (ATLAS_TYPE_START_PAGE, NULL);
}
