/* atlas-browse-filter.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-browse-filter"

#include "config.h"

#include "atlas-article-private.h"
#include "atlas-browse-filter.h"
#include "atlas-dataset-private.h"
#include "atlas-geopark-private.h"
#include "atlas-place-private.h"
#include "atlas-search.h"

/* What the sidebar lists show: the text typed, and the geopark, place, topic
 * and year picked. One object that the window's list filters, the tests and
 * the saved state all share, so that they cannot disagree on what a
 * criterion means. Observers refilter on "changed", which comes once per
 * change however many properties it touched.
 */
struct _AtlasBrowseFilter
{
  GObject      parent_instance;

  char        *search;
  AtlasSearchQuery *query;
  GStrv        search_words;
  /* What the search words match in a dataset's index, found at the first
   * match after they change; kept after that, to narrow the next search.
   */
  AtlasSearchMatches *matches;
  gboolean     matches_stale;
  char        *geopark_id;
  char        *place_id;
  AtlasTopics  topic;
  int          year;
  gboolean     narrowed;
  gboolean     matches_unchanged;
};

G_DEFINE_FINAL_TYPE (AtlasBrowseFilter, atlas_browse_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_GEOPARK_ID,
  PROP_PLACE_ID,
  PROP_TOPIC,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

AtlasBrowseFilter *
atlas_browse_filter_new (void)
{
  return g_object_new (ATLAS_TYPE_BROWSE_FILTER, NULL);
}

/* The change functions set a criterion and notify its property, and say
 * whether anything changed; the public functions then emit "changed" once.
 */
static gboolean
change_search (AtlasBrowseFilter *self,
               const char        *search)
{
  if (search == NULL)
    search = "";

  if (g_strcmp0 (self->search, search) == 0)
    return FALSE;

  g_free (self->search);
  self->search = g_strdup (search);
  g_clear_pointer (&self->query, atlas_search_query_free);
  self->query = atlas_search_query_new (search);
  g_strfreev (self->search_words);
  self->search_words = g_strdupv ((char **) atlas_search_query_get_words (self->query));
  self->matches_stale = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);

  return TRUE;
}

/* An empty id, as saved state may hold, is no id. */
static gboolean
change_id (AtlasBrowseFilter *self,
           char             **field,
           const char        *id,
           guint              prop_id)
{
  if (id != NULL && *id == '\0')
    id = NULL;

  if (g_strcmp0 (*field, id) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);

  return TRUE;
}

static gboolean
change_topic (AtlasBrowseFilter *self,
              AtlasTopics        topic)
{
  if (self->topic == topic)
    return FALSE;

  self->topic = topic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);

  return TRUE;
}

static gboolean
change_year (AtlasBrowseFilter *self,
             int                year)
{
  if (self->year == year)
    return FALSE;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);

  return TRUE;
}

static void
emit_search_changed_if (AtlasBrowseFilter *self,
                        gboolean           changed,
                        gboolean           narrowed,
                        gboolean           matches_unchanged)
{
  if (!changed)
    return;

  self->narrowed = narrowed;
  self->matches_unchanged = matches_unchanged;
  g_signal_emit (self, signals[CHANGED], 0);
  self->narrowed = FALSE;
  self->matches_unchanged = FALSE;
}

static void
emit_changed_if (AtlasBrowseFilter *self,
                 gboolean           changed,
                 gboolean           narrowed)
{
  emit_search_changed_if (self, changed, narrowed, FALSE);
}

/* What was typed in the search entry, as typed. */
const char *
atlas_browse_filter_get_search (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), NULL);

  return self->search;
}

/* NULL means "". */
void
atlas_browse_filter_set_search (AtlasBrowseFilter *self,
                                const char        *search)
{
  g_auto(GStrv) words_before = NULL;
  gboolean narrowed, changed;

  g_return_if_fail (ATLAS_IS_BROWSE_FILTER (self));

  /* More typed after what was there: every word typed before is still in
   * a word of the search, so nothing can match that did not match before.
   */
  narrowed = g_str_has_prefix (search != NULL ? search : "", self->search);
  words_before = g_strdupv (self->search_words);
  changed = change_search (self, search);
  emit_search_changed_if (self, changed, narrowed,
                          g_strv_equal ((const char * const *) words_before,
                                        (const char * const *) self->search_words));
}

/* While "changed" is emitted: whether that change can only have taken
 * matches away (letters typed onto the search), so that a list needs to
 * recheck only the items it shows. FALSE at any other time.
 */
gboolean
atlas_browse_filter_get_narrowed (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), FALSE);

  return self->narrowed;
}

/* While "changed" is emitted: whether that change leaves every item matching
 * as it did, the search's words being the same ("cao " after "cao"), so that
 * a list need not refilter at all. FALSE at any other time.
 */
gboolean
atlas_browse_filter_get_matches_unchanged (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), FALSE);

  return self->matches_unchanged;
}

/* The search's words, folded once when it was set (see atlas-search.c):
 * what matching and highlighting use. Empty when there is nothing to search.
 */
const char * const *
atlas_browse_filter_get_search_words (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), NULL);

  return (const char * const *) self->search_words;
}

const char *
atlas_browse_filter_get_geopark_id (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), NULL);

  return self->geopark_id;
}

/* NULL (or "") for every geopark. */
void
atlas_browse_filter_set_geopark_id (AtlasBrowseFilter *self,
                                    const char        *geopark_id)
{
  g_return_if_fail (ATLAS_IS_BROWSE_FILTER (self));

  emit_changed_if (self, change_id (self, &self->geopark_id, geopark_id, PROP_GEOPARK_ID), FALSE);
}

const char *
atlas_browse_filter_get_place_id (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), NULL);

  return self->place_id;
}

/* NULL (or "") for every place. */
void
atlas_browse_filter_set_place_id (AtlasBrowseFilter *self,
                                  const char        *place_id)
{
  g_return_if_fail (ATLAS_IS_BROWSE_FILTER (self));

  emit_changed_if (self, change_id (self, &self->place_id, place_id, PROP_PLACE_ID), FALSE);
}

AtlasTopics
atlas_browse_filter_get_topic (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), 0);

  return self->topic;
}

/* One topic, or 0 for any. */
void
atlas_browse_filter_set_topic (AtlasBrowseFilter *self,
                               AtlasTopics        topic)
{
  g_return_if_fail (ATLAS_IS_BROWSE_FILTER (self));
  g_return_if_fail (topic < (1u << ATLAS_N_TOPICS) && (topic & (topic - 1)) == 0);

  emit_changed_if (self, change_topic (self, topic), FALSE);
}

int
atlas_browse_filter_get_year (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), 0);

  return self->year;
}

/* 0 for any year. */
void
atlas_browse_filter_set_year (AtlasBrowseFilter *self,
                              int                year)
{
  g_return_if_fail (ATLAS_IS_BROWSE_FILTER (self));
  g_return_if_fail (year >= 0);

  emit_changed_if (self, change_year (self, year), FALSE);
}

/* Nothing typed and nothing picked: the lists show everything. */
gboolean
atlas_browse_filter_is_empty (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), TRUE);

  return *self->search == '\0' && self->geopark_id == NULL && self->place_id == NULL &&
         self->topic == 0 && self->year == 0;
}

/* Back to everything, as one change for those who refilter; nothing is
 * emitted when the filter was empty already.
 */
void
atlas_browse_filter_clear (AtlasBrowseFilter *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (ATLAS_IS_BROWSE_FILTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  changed |= change_search (self, "");
  changed |= change_id (self, &self->geopark_id, NULL, PROP_GEOPARK_ID);
  changed |= change_id (self, &self->place_id, NULL, PROP_PLACE_ID);
  changed |= change_topic (self, 0);
  changed |= change_year (self, 0);
  g_object_thaw_notify (G_OBJECT (self));

  emit_changed_if (self, changed, FALSE);
}

/* What the search words match in the dataset's index, and how well. Every
 * list filtered by it asks about each item in turn, so the index is searched
 * once, at the first question after the words or the contents changed, and
 * narrowed from the answer before whenever letters were only typed on.
 */
static AtlasSearchMatches *
get_matches (AtlasBrowseFilter *self,
             AtlasDataset      *dataset)
{
  AtlasSearchIndex *index = _atlas_dataset_get_search_index (dataset);

  if (self->matches == NULL || self->matches_stale ||
      atlas_search_matches_get_index (self->matches) != index)
    {
      AtlasSearchMatches *found = atlas_search_index_find (index, self->query, self->matches);

      g_clear_pointer (&self->matches, atlas_search_matches_free);
      self->matches = found;
      self->matches_stale = FALSE;
    }

  return self->matches;
}

/* Whether the search words are found in the item at that position of the
 * dataset's search index.
 */
static gboolean
search_matches (AtlasBrowseFilter *self,
                AtlasDataset      *dataset,
                guint              position,
                gconstpointer      item)
{
  if (self->search_words[0] == NULL)
    return TRUE;

  return atlas_search_matches_contains (get_matches (self, dataset), position, item);
}

/* Whether the article meets the criteria other than the search. A
 * geopark's news are those of its detail page
 * (atlas_dataset_get_geopark_articles): the ones that name it or one of its
 * places.
 */
static inline gboolean
article_passes (AtlasBrowseFilter *self,
                AtlasDataset      *dataset,
                AtlasArticle      *article)
{
  if (self->topic != 0 && (article->topics & self->topic) == 0)
    return FALSE;
  if (self->year != 0 && atlas_article_get_year (article) != self->year)
    return FALSE;
  if (self->place_id != NULL &&
      (article->place_ids == NULL ||
       !g_strv_contains ((const char * const *) article->place_ids, self->place_id)))
    return FALSE;
  if (self->geopark_id != NULL &&
      !g_ptr_array_find (atlas_dataset_get_geopark_articles (dataset, self->geopark_id),
                         article, NULL))
    return FALSE;

  return TRUE;
}

/* Whether the place meets the criteria other than the search. The place,
 * topic and year picked are about news: they leave the places alone.
 */
static inline gboolean
place_passes (AtlasBrowseFilter *self,
              AtlasPlace        *place)
{
  return self->geopark_id == NULL || g_strcmp0 (place->geopark_id, self->geopark_id) == 0;
}

/* Whether the article is in the news list. */
gboolean
atlas_browse_filter_match_article (AtlasBrowseFilter *self,
                                   AtlasDataset      *dataset,
                                   AtlasArticle      *article)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (ATLAS_IS_ARTICLE (article), FALSE);

  return article_passes (self, dataset, article) &&
         search_matches (self, dataset, article->search_position, article);
}

/* Whether the place is in the places list. */
gboolean
atlas_browse_filter_match_place (AtlasBrowseFilter *self,
                                 AtlasDataset      *dataset,
                                 AtlasPlace        *place)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (ATLAS_IS_PLACE (place), FALSE);

  return place_passes (self, place) &&
         search_matches (self, dataset, place->search_position, place);
}

/* Whether the geopark is a result of the search: nothing else filters
 * geoparks, and without a search none is. Its names and description are
 * searched as an item's.
 */
gboolean
atlas_browse_filter_match_geopark (AtlasBrowseFilter *self,
                                   AtlasDataset      *dataset,
                                   AtlasGeopark      *geopark)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (ATLAS_IS_GEOPARK (geopark), FALSE);

  if (self->search_words[0] == NULL)
    return FALSE;

  return search_matches (self, dataset, geopark->search_position, geopark);
}

/* Whether the lists are ordered by relevance: a search is typed. */
gboolean
atlas_browse_filter_get_ranked (AtlasBrowseFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), FALSE);

  return self->search_words[0] != NULL;
}

/* How well the item (an article, a place or a geopark of the dataset) meets
 * the search: higher first, 0 when it does not match or nothing is searched.
 * Only the search counts, not the other criteria. The score is the search
 * index's (atlas-search-index.c says what makes it); items of one kind are
 * compared, news with news, places with places.
 */
guint
atlas_browse_filter_get_score (AtlasBrowseFilter *self,
                               AtlasDataset      *dataset,
                               gpointer           item)
{
  guint position;

  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), 0);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), 0);

  if (ATLAS_IS_ARTICLE (item))
    position = ((AtlasArticle *) item)->search_position;
  else if (ATLAS_IS_PLACE (item))
    position = ((AtlasPlace *) item)->search_position;
  else if (ATLAS_IS_GEOPARK (item))
    position = ((AtlasGeopark *) item)->search_position;
  else
    g_return_val_if_reached (0);

  if (self->search_words[0] == NULL)
    return 0;

  return atlas_search_matches_get_score (get_matches (self, dataset), position, item);
}

/* For a ranked list, many items in one call: of the items (articles and
 * places of the dataset), those that atlas_browse_filter_match_article()
 * or _match_place() keeps, in order, each one's index in items written to
 * kept and its atlas_browse_filter_get_score() to scores; returns how many.
 * A list of tens of thousands asks at each keystroke: the search index is
 * looked up once rather than twice per item, and each score read by the
 * item's position.
 */
guint
atlas_browse_filter_rank_items (AtlasBrowseFilter *self,
                                AtlasDataset      *dataset,
                                gpointer const    *items,
                                guint              n_items,
                                guint             *kept,
                                guint             *scores)
{
  GType article_type = ATLAS_TYPE_ARTICLE;
  GType place_type = ATLAS_TYPE_PLACE;
  const guint *by_position = NULL;
  guint n_kept = 0;

  g_return_val_if_fail (ATLAS_IS_BROWSE_FILTER (self), 0);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), 0);
  g_return_val_if_fail (items != NULL || n_items == 0, 0);
  g_return_val_if_fail (kept != NULL || n_items == 0, 0);
  g_return_val_if_fail (scores != NULL || n_items == 0, 0);

  /* Only matches score above 0 (atlas_search_matches_get_scores()). */
  if (self->search_words[0] != NULL && n_items > 0)
    by_position = atlas_search_matches_get_scores (get_matches (self, dataset));

  for (guint i = 0; i < n_items; i++)
    {
      gpointer item = items[i];
      guint position;

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, article_type))
        {
          if (!article_passes (self, dataset, item))
            continue;
          position = ((AtlasArticle *) item)->search_position;
        }
      else if (G_TYPE_CHECK_INSTANCE_TYPE (item, place_type))
        {
          if (!place_passes (self, item))
            continue;
          position = ((AtlasPlace *) item)->search_position;
        }
      else
        g_return_val_if_reached (n_kept);

      if (by_position != NULL && by_position[position] == 0)
        continue;

      kept[n_kept] = i;
      scores[n_kept++] = by_position != NULL ? by_position[position] : 0;
    }

  return n_kept;
}

static void
atlas_browse_filter_finalize (GObject *object)
{
  AtlasBrowseFilter *self = ATLAS_BROWSE_FILTER (object);

  g_free (self->search);
  g_clear_pointer (&self->query, atlas_search_query_free);
  g_strfreev (self->search_words);
  g_clear_pointer (&self->matches, atlas_search_matches_free);
  g_free (self->geopark_id);
  g_free (self->place_id);

  G_OBJECT_CLASS (atlas_browse_filter_parent_class)->finalize (object);
}

static void
atlas_browse_filter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasBrowseFilter *self = ATLAS_BROWSE_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_GEOPARK_ID:
      g_value_set_string (value, self->geopark_id);
      break;

    case PROP_PLACE_ID:
      g_value_set_string (value, self->place_id);
      break;

    case PROP_TOPIC:
      g_value_set_uint (value, self->topic);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_browse_filter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtlasBrowseFilter *self = ATLAS_BROWSE_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      atlas_browse_filter_set_search (self, g_value_get_string (value));
      break;

    case PROP_GEOPARK_ID:
      atlas_browse_filter_set_geopark_id (self, g_value_get_string (value));
      break;

    case PROP_PLACE_ID:
      atlas_browse_filter_set_place_id (self, g_value_get_string (value));
      break;

    case PROP_TOPIC:
      atlas_browse_filter_set_topic (self, g_value_get_uint (value));
      break;

    case PROP_YEAR:
      atlas_browse_filter_set_year (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_browse_filter_class_init (AtlasBrowseFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_browse_filter_finalize;
  object_class->get_property = atlas_browse_filter_get_property;
  object_class->set_property = atlas_browse_filter_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GEOPARK_ID] =
    g_param_spec_string ("geopark-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE_ID] =
    g_param_spec_string ("place-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* An AtlasTopics flag; there is no GType for them. */
  properties[PROP_TOPIC] =
    g_param_spec_uint ("topic", NULL, NULL,
                       0, 1u << (ATLAS_N_TOPICS - 1), 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
atlas_browse_filter_init (AtlasBrowseFilter *self)
{
  self->search = g_strdup ("");
  self->query = atlas_search_query_new ("");
  self->search_words = g_new0 (char *, 1);
}
