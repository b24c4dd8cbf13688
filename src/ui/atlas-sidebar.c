/* atlas-sidebar.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-article-row.h"
#include "atlas-i18n.h"
#include "atlas-place-row.h"
#include "atlas-sidebar-private.h"

/* The sidebar: news and places, the search, the filters as menus and as
 * removable chips, and how many items they leave. It shows the window's
 * browse filter and says which item was activated; what opening an item
 * does is the window's business.
 */

G_DEFINE_FINAL_TYPE (AtlasSidebar, atlas_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_FOLDED,
  PROP_NEWS_ORDER,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
atlas_sidebar_get_page (AtlasSidebar *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
atlas_sidebar_set_page (AtlasSidebar *self,
                        const char   *page)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));
  g_return_if_fail (page != NULL);

  adw_view_stack_set_visible_child_name (self->stack, page);
}

void
atlas_sidebar_set_folded (AtlasSidebar *self,
                          gboolean      folded)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

void
atlas_sidebar_focus_search (AtlasSidebar *self)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Brings the item into view in its list, when the filters show it. */
void
atlas_sidebar_scroll_to (AtlasSidebar *self,
                         gpointer      item)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));
  g_return_if_fail (G_IS_OBJECT (item));

  _atlas_sidebar_list_scroll_to (&self->news, item);
  _atlas_sidebar_list_scroll_to (&self->places, item);
}

/* The list of the page shown. */
static AtlasSidebarList *
shown_list (AtlasSidebar *self)
{
  return g_strcmp0 (atlas_sidebar_get_page (self), "places") == 0 ? &self->places : &self->news;
}

AtlasSidebarList *
_atlas_sidebar_get_shown_list (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  return shown_list (self);
}

/* Says that the item was chosen, for the window to open it. */
void
_atlas_sidebar_activate_item (AtlasSidebar *self,
                              gpointer      item)
{
  g_assert (ATLAS_IS_SIDEBAR (self));
  g_assert (G_IS_OBJECT (item));

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/* The ids of the list shown, as the search and filters leave it: what a
 * presentation tours.
 */
GStrv
atlas_sidebar_dup_visible_ids (AtlasSidebar *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GListModel *model;

  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);

  model = shown_list (self)->shown;
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_strv_builder_add (ids, id);
    }

  return g_strv_builder_end (ids);
}

/* The places as the search and filters leave them, as the Places tab
 * lists them; NULL before the sidebar has a dataset. It may be another
 * model after the filter changes: ask again then.
 */
GListModel *
atlas_sidebar_get_places (AtlasSidebar *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);

  return self->places.shown;
}

static void
on_articles_changed (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  _atlas_sidebar_list_update_page (&self->news, atlas_dataset_get_articles (self->dataset));
  _atlas_sidebar_update_results (self);
}

static void
on_places_changed (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  _atlas_sidebar_list_update_page (&self->places, atlas_dataset_get_places (self->dataset));
  _atlas_sidebar_update_results (self);
}

static void
on_page_changed (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  _atlas_sidebar_list_attach (shown_list (self));
  _atlas_sidebar_update_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* The filter and sort functions run once per item, at every keystroke:
 * they leave out the check on self that other callbacks make.
 */
static gboolean
filter_article (gpointer item,
                gpointer user_data)
{
  AtlasSidebar *self = user_data;

  return atlas_browse_filter_match_article (self->filter, self->dataset, item);
}

static gboolean
filter_place (gpointer item,
              gpointer user_data)
{
  AtlasSidebar *self = user_data;

  return atlas_browse_filter_match_place (self->filter, self->dataset, item);
}

/* How well an article or a place meets the search, for the ranked lists. */
static guint
rank_item (gpointer item,
           gpointer user_data)
{
  AtlasSidebar *self = user_data;

  return atlas_browse_filter_get_score (self->filter, self->dataset, item);
}

/* The filter functions and rank_item() for many items in one call: what the
 * ranked lists use at each keystroke.
 */
static guint
rank_items (gpointer const *items,
            guint           n_items,
            guint          *kept,
            guint          *scores,
            gpointer        user_data)
{
  AtlasSidebar *self = user_data;

  return atlas_browse_filter_rank_items (self->filter, self->dataset, items, n_items, kept,
                                         scores);
}

/* The geoparks' order, looked up by the places' sorter at every comparison:
 * made once per load, and before the list is first sorted, or the list
 * would open scrolled to wherever its first row went.
 */
static void
update_geopark_ranks (AtlasSidebar *self)
{
  GListModel *geoparks = atlas_dataset_get_geoparks (self->dataset);

  g_hash_table_remove_all (self->geopark_ranks);
  for (guint i = 0; i < g_list_model_get_n_items (geoparks); i++)
    {
      g_autoptr(AtlasGeopark) geopark = g_list_model_get_item (geoparks, i);

      g_hash_table_insert (self->geopark_ranks, g_strdup (atlas_geopark_get_id (geopark)),
                           GUINT_TO_POINTER (i + 1));
    }
}

/* The geopark's place in the dataset's order. */
static guint
geopark_rank (AtlasSidebar *self,
              AtlasPlace   *place)
{
  const char *id = atlas_place_get_geopark_id (place);
  guint rank = id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->geopark_ranks, id)) : 0;

  return rank > 0 ? rank : G_MAXUINT;
}

/* Places by geopark, in the dataset's order of geoparks; the places of
 * none (partner geoparks abroad, venues) last. Within a geopark, by name in
 * the alphabet of the language shown.
 */
static int
sort_places (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  AtlasSidebar *self = user_data;
  AtlasLanguage language = self->sort_language;
  guint rank_a = geopark_rank (self, (AtlasPlace *) a);
  guint rank_b = geopark_rank (self, (AtlasPlace *) b);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;

  return strcmp (atlas_place_get_sort_key ((AtlasPlace *) a, language),
                 atlas_place_get_sort_key ((AtlasPlace *) b, language));
}

/* Search ---------------------------------------------------------------- */

static void
on_search_changed (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  if (self->filter != NULL && !self->syncing)
    atlas_browse_filter_set_search (self->filter,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Escape clears the search first, then the filters. */
static gboolean
clear_one_step (AtlasSidebar *self)
{
  if (self->filter == NULL || atlas_browse_filter_is_empty (self->filter))
    return FALSE;

  if (*atlas_browse_filter_get_search (self->filter) != '\0')
    atlas_browse_filter_set_search (self->filter, "");
  else
    atlas_browse_filter_clear (self->filter);

  return TRUE;
}

static void
on_stop_search (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  clear_one_step (self);
}

static void
clear_one_step_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  clear_one_step (ATLAS_SIDEBAR (widget));
}

/* The only place that enables and disables the sidebar's actions: while
 * nothing filters the lists, they have nothing to clear, and Escape goes
 * on to whoever else wants it.
 */
static void
update_actions (AtlasSidebar *self)
{
  gboolean filtered = self->filter != NULL && !atlas_browse_filter_is_empty (self->filter);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.clear-filters", filtered);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.clear-one-step", filtered);
}

/* Enter in the search opens the first result: the first geopark found,
 * or the first row of the list shown.
 */
static void
on_search_activate (AtlasSidebar *self)
{
  g_autoptr(GObject) item = _atlas_sidebar_dup_first_result (self);

  g_assert (ATLAS_IS_SIDEBAR (self));

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/* Down from the search goes to the first result, as Enter would open it. */
static gboolean
on_search_key_pressed (AtlasSidebar          *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  return _atlas_sidebar_focus_results (self);
}

static void
activate_row (AtlasSidebar     *self,
              AtlasSidebarList *list,
              guint             position)
{
  g_autoptr(GObject) item = g_list_model_get_item (list->shown, position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
on_news_activate (AtlasSidebar *self,
                  guint         position)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  activate_row (self, &self->news, position);
}

static void
on_places_activate (AtlasSidebar *self,
                    guint         position)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  activate_row (self, &self->places, position);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (widget);

  atlas_browse_filter_clear (self->filter);
  if (self->filter_popover != NULL)
    gtk_popover_popdown (self->filter_popover);
}

/* With nothing to filter by, the filters have no function: GTK's filter
 * models then pass every item through without asking about each, which
 * shortens a large dataset's swap (docs/PERFORMANCE.md). TRUE when that
 * changed, which refilters the lists.
 */
static gboolean
update_filter_funcs (AtlasSidebar *self)
{
  gboolean all = atlas_browse_filter_is_empty (self->filter);

  if (all == self->filters_pass_all)
    return FALSE;

  self->filters_pass_all = all;
  gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (self->news.filter),
                                     all ? NULL : filter_article, all ? NULL : self, NULL);
  gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (self->places.filter),
                                     all ? NULL : filter_place, all ? NULL : self, NULL);
  return TRUE;
}

/* The search entry, chips, menus, count and pages for the filter and the
 * lists as they are.
 */
static void
show_filter (AtlasSidebar *self)
{
  const char *search = atlas_browse_filter_get_search (self->filter);

  if (g_strcmp0 (search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
      self->syncing = FALSE;
    }

  _atlas_sidebar_update_chips (self);
  _atlas_sidebar_sync_dropdowns (self);
  _atlas_sidebar_update_geoparks (self);
  update_actions (self);
  on_articles_changed (self);
  on_places_changed (self);
}

/* While a search is typed, the lists are best first; the news newest first
 * instead when the user asked for that.
 */
static void
update_ranked (AtlasSidebar *self)
{
  gboolean ranked = atlas_browse_filter_get_ranked (self->filter);

  atlas_ranked_model_set_ranked (ATLAS_RANKED_MODEL (self->news.shown),
                                 ranked && !self->news_by_date);
  atlas_ranked_model_set_ranked (ATLAS_RANKED_MODEL (self->places.shown), ranked);
}

/* The lists rank once for a change of the filter, after both have been
 * refiltered: see atlas_ranked_model_freeze().
 */
static void
freeze_ranking (AtlasSidebar *self)
{
  atlas_ranked_model_freeze (ATLAS_RANKED_MODEL (self->news.shown));
  atlas_ranked_model_freeze (ATLAS_RANKED_MODEL (self->places.shown));
}

static void
thaw_ranking (AtlasSidebar *self)
{
  atlas_ranked_model_thaw (ATLAS_RANKED_MODEL (self->news.shown));
  atlas_ranked_model_thaw (ATLAS_RANKED_MODEL (self->places.shown));
}

static void
on_filter_changed (AtlasSidebar *self)
{
  /* Typing narrows: only what is shown needs a second look. */
  GtkFilterChange change = atlas_browse_filter_get_narrowed (self->filter)
                           ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT;

  g_assert (ATLAS_IS_SIDEBAR (self));

  /* Filter functions set or unset refilter the lists themselves; a space
   * typed leaves the same words, and the same lists.
   */
  freeze_ranking (self);
  /* Ranked first: a list ranked from now on filters its items itself, once,
   * and its filter model is spared the same work.
   */
  update_ranked (self);
  if (!update_filter_funcs (self) && !atlas_browse_filter_get_matches_unchanged (self->filter))
    {
      gtk_filter_changed (self->news.filter, change);
      gtk_filter_changed (self->places.filter, change);
    }
  /* Other words score otherwise, and so do the same words once the last
   * one is complete ("cao " after "cao": a start of a syllable is no longer
   * a match of its own), even where they match the same items.
   */
  atlas_ranked_model_rerank (ATLAS_RANKED_MODEL (self->news.shown));
  atlas_ranked_model_rerank (ATLAS_RANKED_MODEL (self->places.shown));
  thaw_ranking (self);
  show_filter (self);
}

static void
on_dataset_changed (AtlasSidebar *self)
{
  GPtrArray *news = atlas_dataset_get_articles_by_date (self->dataset);
  GListModel *places = atlas_dataset_get_places (self->dataset);
  guint n_places = g_list_model_get_n_items (places);
  g_autoptr(GPtrArray) place_items = g_ptr_array_new_full (n_places, g_object_unref);

  g_assert (ATLAS_IS_SIDEBAR (self));

  for (guint i = 0; i < n_places; i++)
    g_ptr_array_add (place_items, g_list_model_get_item (places, i));

  freeze_ranking (self);
  _atlas_sidebar_list_replace_items (&self->news, news->pdata, news->len);
  _atlas_sidebar_list_replace_items (&self->places, place_items->pdata, place_items->len);
  update_geopark_ranks (self);
  gtk_sorter_changed (self->places_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  thaw_ranking (self);
  _atlas_sidebar_fill_choices (self);
  _atlas_sidebar_fill_dropdowns (self);
  /* The filter models have just filtered the new items, with the new
   * search index (the dataset swaps it in before its lists): filtering
   * every item again would only lengthen the frame that shows them.
   */
  show_filter (self);
}

/* The button of an empty list's page, to the other list. */
static void
on_show_news (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  atlas_sidebar_set_page (self, "news");
}

static void
on_show_places (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  atlas_sidebar_set_page (self, "places");
}

static void
set_news_order (AtlasSidebar *self,
                const char   *order)
{
  gboolean by_date = g_strcmp0 (order, "date") == 0;

  if (self->news_by_date == by_date)
    return;

  self->news_by_date = by_date;
  if (self->filter != NULL)
    update_ranked (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWS_ORDER]);
}

/* Lists ----------------------------------------------------------------- */

static void
setup_article_row (GtkListItemFactory *factory,
                   GtkListItem        *list_item,
                   AtlasSidebar       *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  gtk_list_item_set_child (list_item, atlas_article_row_new (self->dataset, self->filter,
                                                             self->history));
}

static void
setup_place_row (GtkListItemFactory *factory,
                 GtkListItem        *list_item,
                 AtlasSidebar       *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  gtk_list_item_set_child (list_item, atlas_place_row_new (self->dataset, self->filter,
                                                           self->history));
}

static void
bind_row (GtkListItemFactory *factory,
          GtkListItem        *list_item,
          AtlasSidebar       *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  atlas_item_view_set_item (ATLAS_ITEM_VIEW (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item));
}

static GtkListItemFactory *
new_row_factory (AtlasSidebar *self,
                 GCallback     setup)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", setup, self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);

  return factory;
}

/* The window's dataset, filter and history, once, before it is shown. */
void
atlas_sidebar_set_up (AtlasSidebar      *self,
                      AtlasDataset      *dataset,
                      AtlasBrowseFilter *filter,
                      AtlasHistory      *history)
{
  g_autoptr(GtkListItemFactory) news_rows = NULL;
  g_autoptr(GtkListItemFactory) place_rows = NULL;

  g_return_if_fail (ATLAS_IS_SIDEBAR (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (ATLAS_IS_BROWSE_FILTER (filter));
  g_return_if_fail (ATLAS_IS_HISTORY (history));
  g_return_if_fail (self->dataset == NULL);

  self->dataset = g_object_ref (dataset);
  self->filter = g_object_ref (filter);
  self->history = g_object_ref (history);
  /* A window is made anew for another language: asking once is enough,
   * and asking for each comparison was most of a large reload's sorting.
   */
  self->sort_language = atlas_i18n_get_content_language ();

  self->places_sorter = GTK_SORTER (gtk_custom_sorter_new (sort_places, self, NULL));
  update_geopark_ranks (self);

  news_rows = new_row_factory (self, G_CALLBACK (setup_article_row));
  _atlas_sidebar_list_set_up (&self->news, ATLAS_TYPE_ARTICLE, NULL, news_rows, rank_item, self);
  place_rows = new_row_factory (self, G_CALLBACK (setup_place_row));
  _atlas_sidebar_list_set_up (&self->places, ATLAS_TYPE_PLACE, self->places_sorter, place_rows,
                              rank_item, self);
  atlas_ranked_model_set_rank_items_func (ATLAS_RANKED_MODEL (self->news.shown), rank_items, self);
  atlas_ranked_model_set_rank_items_func (ATLAS_RANKED_MODEL (self->places.shown), rank_items,
                                          self);
  /* The lists' filters start without a function, and pass everything:
   * right until something filters.
   */
  self->filters_pass_all = TRUE;
  update_filter_funcs (self);

  g_signal_connect_object (self->news.shown, "items-changed",
                           G_CALLBACK (on_articles_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->places.shown, "items-changed",
                           G_CALLBACK (on_places_changed), self, G_CONNECT_SWAPPED);
  _atlas_sidebar_list_attach (shown_list (self));
  g_signal_connect_object (filter, "changed",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  /* A reload replaces the articles last: the places, geoparks and years
   * change with them.
   */
  g_signal_connect_object (atlas_dataset_get_articles (dataset), "items-changed",
                           G_CALLBACK (on_dataset_changed), self, G_CONNECT_SWAPPED);

  on_dataset_changed (self);
}

static void
atlas_sidebar_dispose (GObject *object)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  _atlas_sidebar_list_clear (&self->news, self);
  _atlas_sidebar_list_clear (&self->places, self);
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (atlas_dataset_get_articles (self->dataset), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SIDEBAR);
  /* The filter menu went with its button. */
  self->filter_popover = NULL;
  self->geopark_dropdown = self->topic_dropdown = self->year_dropdown = NULL;

  g_clear_object (&self->places_sorter);
  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (atlas_sidebar_parent_class)->dispose (object);
}

static void
atlas_sidebar_finalize (GObject *object)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  g_ptr_array_unref (self->geopark_choices);
  g_ptr_array_unref (self->geopark_results);
  g_hash_table_unref (self->geopark_ranks);
  g_array_unref (self->year_choices);

  G_OBJECT_CLASS (atlas_sidebar_parent_class)->finalize (object);
}

static void
atlas_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, atlas_sidebar_get_page (self));
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_NEWS_ORDER:
      g_value_set_string (value, self->news_by_date ? "date" : "relevance");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      atlas_sidebar_set_page (self, g_value_get_string (value));
      break;

    case PROP_FOLDED:
      atlas_sidebar_set_folded (self, g_value_get_boolean (value));
      break;

    case PROP_NEWS_ORDER:
      set_news_order (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sidebar_class_init (AtlasSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_sidebar_dispose;
  object_class->finalize = atlas_sidebar_finalize;
  object_class->get_property = atlas_sidebar_get_property;
  object_class->set_property = atlas_sidebar_set_property;

  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         "news",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* While a search is typed: "relevance", best first, or "date", newest
   * first. Without a search the news are always newest first.
   */
  properties[PROP_NEWS_ORDER] =
    g_param_spec_string ("news-order", NULL, NULL,
                         "relevance",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasSidebar::item-activated:
   * @item: the article, place or geopark
   *
   * A row was clicked, or chosen with Enter.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  g_type_ensure (ATLAS_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, chips_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, order_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, order_menu);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, geoparks_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, stack);
  gtk_widget_class_bind_template_child_full (widget_class, "news_stack", FALSE,
                                             G_STRUCT_OFFSET (AtlasSidebar, news.stack));
  gtk_widget_class_bind_template_child_full (widget_class, "news_list", FALSE,
                                             G_STRUCT_OFFSET (AtlasSidebar, news.view));
  gtk_widget_class_bind_template_child_full (widget_class, "news_no_results", FALSE,
                                             G_STRUCT_OFFSET (AtlasSidebar, news.no_results));
  gtk_widget_class_bind_template_child_full (widget_class, "news_other_button", FALSE,
                                             G_STRUCT_OFFSET (AtlasSidebar, news.other_button));
  gtk_widget_class_bind_template_child_full (widget_class, "places_stack", FALSE,
                                             G_STRUCT_OFFSET (AtlasSidebar, places.stack));
  gtk_widget_class_bind_template_child_full (widget_class, "places_list", FALSE,
                                             G_STRUCT_OFFSET (AtlasSidebar, places.view));
  gtk_widget_class_bind_template_child_full (widget_class, "places_no_results", FALSE,
                                             G_STRUCT_OFFSET (AtlasSidebar, places.no_results));
  gtk_widget_class_bind_template_child_full (widget_class, "places_other_button", FALSE,
                                             G_STRUCT_OFFSET (AtlasSidebar, places.other_button));
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_news_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_places_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_show_news);
  gtk_widget_class_bind_template_callback (widget_class, on_show_places);

  gtk_widget_class_install_action (widget_class, "sidebar.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "sidebar.clear-one-step", NULL,
                                   clear_one_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "sidebar.clear-one-step", NULL);
  gtk_widget_class_install_property_action (widget_class, "sidebar.news-order", "news-order");
}

/* The main menu's popover is built when it is first opened (by a click or
 * F10), not with the window: its rows are work before the first frame.
 */
static void
add_primary_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  AtlasSidebar *self = user_data;

  g_assert (ATLAS_IS_SIDEBAR (self));

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The same for the news' order, offered while a search is typed. */
static void
add_order_menu (GtkMenuButton *button,
                gpointer       user_data)
{
  AtlasSidebar *self = user_data;

  g_assert (ATLAS_IS_SIDEBAR (self));

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->order_menu);
}

static void
atlas_sidebar_init (AtlasSidebar *self)
{
  GtkEventController *keys;

  self->geopark_choices = g_ptr_array_new_with_free_func (g_free);
  self->geopark_results = g_ptr_array_new_with_free_func (g_object_unref);
  self->geopark_ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->year_choices = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, add_primary_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->filter_button, _atlas_sidebar_add_filter_popover,
                                         self, NULL);
  gtk_menu_button_set_create_popup_func (self->order_button, add_order_menu, self, NULL);
  _atlas_sidebar_search_init (self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}
