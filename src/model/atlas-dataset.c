/* atlas-dataset.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-dataset"

#include "config.h"

#include "atlas-article-private.h"
#include "atlas-collate.h"
#include "atlas-dataset-private.h"
#include "atlas-geopark-private.h"
#include "atlas-place-private.h"
#include "atlas-search-index.h"

/* The geoparks, places and news the window shows, as list models that the
 * sidebar, the map and the detail panel all observe, with an index by id for
 * the links between them. The window keeps one dataset for its lifetime; a
 * reload replaces its contents.
 */
struct _AtlasDataset
{
  GObject     parent_instance;

  GListStore *geoparks;
  GListStore *places;
  GListStore *articles;

  /* id → object; ids are unique across the three lists */
  GHashTable *index;

  /* The links between items, for the detail pages and the filters. Each
   * maps an id to a GPtrArray of borrowed objects; like the index, they
   * are rebuilt whenever the contents change.
   */
  GPtrArray  *articles_by_date;   /* newest first */
  GHashTable *place_articles;     /* place id → AtlasArticle, newest first */
  GHashTable *geopark_articles;   /* geopark id → AtlasArticle, newest first */
  GHashTable *geopark_places;     /* geopark id → AtlasPlace, in dataset order */
  GPtrArray  *no_links;           /* what an unknown id gets */

  /* What the search looks in; made with the contents, shared with a
   * dataset that takes them.
   */
  AtlasSearchIndex *search_index;
};

G_DEFINE_FINAL_TYPE (AtlasDataset, atlas_dataset, G_TYPE_OBJECT)

AtlasDataset *
atlas_dataset_new (void)
{
  return g_object_new (ATLAS_TYPE_DATASET, NULL);
}

static void
index_model (AtlasDataset *self,
             GListModel   *model)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_hash_table_insert (self->index, g_steal_pointer (&id), item);
    }
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return atlas_article_compare_newest_first (*(AtlasArticle **) a, *(AtlasArticle **) b);
}

static void
sort_articles (AtlasDataset *self,
               GListModel   *articles)
{
  guint n_items = g_list_model_get_n_items (articles);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, i);

      article->position = i;
      g_ptr_array_add (self->articles_by_date, article);
    }

  /* Stable: equal dates keep the order of the file. */
  g_ptr_array_sort (self->articles_by_date, compare_newest_first);
}

/* Adds @item to the array of @id, unless it was the last one added: an
 * article reaches its geopark's array once, however many of its places it
 * names.
 */
static void
add_link (GHashTable *links,
          const char *id,
          gpointer    item)
{
  GPtrArray *items = g_hash_table_lookup (links, id);

  if (items == NULL)
    {
      items = g_ptr_array_new ();
      g_hash_table_insert (links, g_strdup (id), items);
    }

  if (items->len == 0 || g_ptr_array_index (items, items->len - 1) != item)
    g_ptr_array_add (items, item);
}

/* The geoparks an article is about: those it names, and those of the places
 * it names, each once. Borrowed ids, in a new array.
 */
static GPtrArray *
article_geoparks (AtlasDataset *self,
                  AtlasArticle *article)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint g = 0; article->geopark_ids != NULL && article->geopark_ids[g] != NULL; g++)
    {
      if (!g_ptr_array_find_with_equal_func (ids, article->geopark_ids[g], g_str_equal, NULL))
        g_ptr_array_add (ids, article->geopark_ids[g]);
    }

  for (guint p = 0; article->place_ids != NULL && article->place_ids[p] != NULL; p++)
    {
      AtlasPlace *place = atlas_dataset_lookup_place (self, article->place_ids[p]);

      if (place != NULL && place->geopark_id != NULL &&
          !g_ptr_array_find_with_equal_func (ids, place->geopark_id, g_str_equal, NULL))
        g_ptr_array_add (ids, place->geopark_id);
    }

  return ids;
}

static void
index_links (AtlasDataset *self,
             GListModel   *places)
{
  guint n_places = g_list_model_get_n_items (places);

  for (guint i = 0; i < n_places; i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (places, i);

      if (place->geopark_id != NULL)
        add_link (self->geopark_places, place->geopark_id, place);
    }

  /* In date order, so that every array comes out newest first. */
  for (guint i = 0; i < self->articles_by_date->len; i++)
    {
      AtlasArticle *article = g_ptr_array_index (self->articles_by_date, i);
      g_autoptr(GPtrArray) geopark_ids = article_geoparks (self, article);

      for (guint p = 0; article->place_ids != NULL && article->place_ids[p] != NULL; p++)
        add_link (self->place_articles, article->place_ids[p], article);
      for (guint g = 0; g < geopark_ids->len; g++)
        add_link (self->geopark_articles, g_ptr_array_index (geopark_ids, g), article);
    }
}

/* Everything the dataset looks up, for the items of these lists. It is built
 * from the lists of the new contents before this dataset's lists change, so
 * that whoever reacts to the change finds the new links, and so that no
 * index ever points at an item that is gone.
 */
static void
build_indexes (AtlasDataset *self,
               GListModel   *geoparks,
               GListModel   *places,
               GListModel   *articles)
{
  g_hash_table_remove_all (self->index);
  g_hash_table_remove_all (self->place_articles);
  g_hash_table_remove_all (self->geopark_articles);
  g_hash_table_remove_all (self->geopark_places);
  g_ptr_array_set_size (self->articles_by_date, 0);

  index_model (self, geoparks);
  index_model (self, places);
  index_model (self, articles);
  sort_articles (self, articles);
  index_links (self, places);
}

/* The text in each language it is written in, onto strings from at. */
static guint
add_strings (const char **strings,
             guint        at,
             AtlasText   *text)
{
  for (guint l = 0; text != NULL && l < ATLAS_N_LANGUAGES; l++)
    {
      const char *string = atlas_text_get_exact (text, l);

      if (string != NULL)
        strings[at++] = string;
    }
  strings[at] = NULL;

  return at;
}

/* A geopark's names, as the search knows them: both its names in both
 * languages.
 */
static void
collect_geopark_names (AtlasGeopark  *geopark,
                       const char   **names)
{
  guint n = add_strings (names, 0, atlas_geopark_get_name (geopark));

  add_strings (names, n, atlas_geopark_get_short_name (geopark));
}

/* Names maps the ids of geoparks, or of places, to their search name ids
 * plus one; an unknown id links to nothing.
 */
static void
add_search_link (GArray     *links,
                 GHashTable *names,
                 const char *id)
{
  guint name = id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (names, id)) : 0;

  if (name != 0)
    {
      name--;
      g_array_append_val (links, name);
    }
}

/* The geopark's search item: its names, and as the long text the province
 * it is in and the one it was in before 2025 ("ha giang" finds Đồng Văn).
 * Not its description: a geopark is a result when the search names it, and
 * the descriptions hold common syllables ("dong van" found Lạng Sơn and Đắk
 * Nông through theirs).
 */
static void
add_geopark (AtlasSearchIndex *index,
             AtlasGeopark     *geopark)
{
  const char *names[2 * ATLAS_N_LANGUAGES + 1];
  const char *texts[2 * ATLAS_N_LANGUAGES + 1];
  guint n;

  collect_geopark_names (geopark, names);
  n = add_strings (texts, 0, geopark->province);
  add_strings (texts, n, geopark->province_before_2025);
  geopark->search_position = atlas_search_index_add_item (index, geopark, names, texts, NULL, 0);
}

/* The place's search item: its names, linked to its geopark's. */
static void
add_place (AtlasSearchIndex *index,
           GHashTable       *geopark_names,
           AtlasPlace       *place)
{
  const char *names[ATLAS_N_LANGUAGES + 1];
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint));

  add_strings (names, 0, place->name);
  add_search_link (links, geopark_names, place->geopark_id);
  place->search_position = atlas_search_index_add_item (index, place, names, NULL,
                                                        (const guint *) (void *) links->data,
                                                        links->len);
}

/* The article's search item: its titles, then its summaries and bodies,
 * linked to its geoparks' and places' names.
 */
static void
add_article (AtlasSearchIndex *index,
             GHashTable       *geopark_names,
             GHashTable       *place_names,
             AtlasArticle     *article)
{
  const char *titles[ATLAS_N_LANGUAGES + 1];
  const char *texts[2 * ATLAS_N_LANGUAGES + 1];
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint));

  add_strings (titles, 0, article->title);
  add_strings (texts, add_strings (texts, 0, article->summary), article->body);
  for (guint g = 0; article->geopark_ids != NULL && article->geopark_ids[g] != NULL; g++)
    add_search_link (links, geopark_names, article->geopark_ids[g]);
  for (guint p = 0; article->place_ids != NULL && article->place_ids[p] != NULL; p++)
    add_search_link (links, place_names, article->place_ids[p]);
  article->search_position = atlas_search_index_add_item (index, article, titles, texts,
                                                          (const guint *) (void *) links->data,
                                                          links->len);
}

/* The contents a search index is made of. */
typedef struct
{
  GPtrArray        *geoparks;
  GPtrArray        *places;
  GPtrArray        *articles;
  AtlasSearchIndex *index;
} SearchContents;

/* What a search looks in, in both languages, folded once here rather than
 * at every keystroke: each item's names or titles, its summaries, bodies or
 * description, and the names of the geoparks and places it is linked to
 * (see atlas-search-index.c); the geoparks are items too.
 * It may run in a thread of its own: it reads the items' contents and
 * writes only their search positions, which nothing else touches meanwhile.
 */
static gpointer
make_search_index (gpointer data)
{
  SearchContents *contents = data;
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new ();
  g_autoptr(GHashTable) geopark_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) place_names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < contents->geoparks->len; i++)
    {
      AtlasGeopark *geopark = g_ptr_array_index (contents->geoparks, i);
      const char *names[2 * ATLAS_N_LANGUAGES + 1];

      collect_geopark_names (geopark, names);
      g_hash_table_insert (geopark_names, (gpointer) atlas_geopark_get_id (geopark),
                           GUINT_TO_POINTER (atlas_search_index_add_name (index, names) + 1));
    }

  for (guint i = 0; i < contents->places->len; i++)
    {
      AtlasPlace *place = g_ptr_array_index (contents->places, i);
      const char *names[ATLAS_N_LANGUAGES + 1];

      add_strings (names, 0, place->name);
      g_hash_table_insert (place_names, place->id,
                           GUINT_TO_POINTER (atlas_search_index_add_name (index, names) + 1));
    }

  for (guint i = 0; i < contents->places->len; i++)
    add_place (index, geopark_names, g_ptr_array_index (contents->places, i));

  for (guint i = 0; i < contents->articles->len; i++)
    add_article (index, geopark_names, place_names, g_ptr_array_index (contents->articles, i));

  /* Last, so that the places and news keep their positions. */
  for (guint i = 0; i < contents->geoparks->len; i++)
    add_geopark (index, g_ptr_array_index (contents->geoparks, i));

  atlas_search_index_seal (index);
  contents->index = g_steal_pointer (&index);

  return NULL;
}

/* Each place's name's sort key in each language. */
static void
make_sort_keys (GListModel *places)
{
  guint n_places = g_list_model_get_n_items (places);

  for (guint i = 0; i < n_places; i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (places, i);

      for (guint l = 0; l < ATLAS_N_LANGUAGES; l++)
        {
          g_free (place->sort_keys[l]);
          place->sort_keys[l] = atlas_collate_key (atlas_text_get (place->name, l), l);
        }
    }
}

/* Takes the arrays, whose items the loader has checked. With in_thread,
 * the search index, about half of the work here, is made in a thread of
 * its own meanwhile.
 */
AtlasDataset *
_atlas_dataset_new_take (GPtrArray *geoparks,
                         GPtrArray *places,
                         GPtrArray *articles,
                         gboolean   in_thread)
{
  AtlasDataset *self = atlas_dataset_new ();
  SearchContents contents = { geoparks, places, articles, NULL };
  GThread *thread = NULL;

  if (in_thread)
    thread = g_thread_try_new ("atlas-search-index", make_search_index, &contents, NULL);

  /* The arrays stay as they are until the search index is made. */
  g_list_store_splice (self->geoparks, 0, 0, geoparks->pdata, geoparks->len);
  g_list_store_splice (self->places, 0, 0, places->pdata, places->len);
  g_list_store_splice (self->articles, 0, 0, articles->pdata, articles->len);
  build_indexes (self, G_LIST_MODEL (self->geoparks), G_LIST_MODEL (self->places),
                 G_LIST_MODEL (self->articles));
  make_sort_keys (G_LIST_MODEL (self->places));

  if (thread != NULL)
    g_thread_join (thread);
  else
    make_search_index (&contents);
  g_clear_pointer (&self->search_index, atlas_search_index_unref);
  self->search_index = g_steal_pointer (&contents.index);

  g_ptr_array_unref (geoparks);
  g_ptr_array_unref (places);
  g_ptr_array_unref (articles);

  return self;
}

GListModel *
atlas_dataset_get_geoparks (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->geoparks);
}

GListModel *
atlas_dataset_get_places (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->places);
}

GListModel *
atlas_dataset_get_articles (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->articles);
}

static gpointer
lookup (AtlasDataset *self,
        const char   *id,
        GType         type)
{
  gpointer item = g_hash_table_lookup (self->index, id);

  return item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, type) ? item : NULL;
}

AtlasGeopark *
atlas_dataset_lookup_geopark (AtlasDataset *self,
                              const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, id, ATLAS_TYPE_GEOPARK);
}

AtlasPlace *
atlas_dataset_lookup_place (AtlasDataset *self,
                            const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, id, ATLAS_TYPE_PLACE);
}

AtlasArticle *
atlas_dataset_lookup_article (AtlasDataset *self,
                              const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, id, ATLAS_TYPE_ARTICLE);
}

static GPtrArray *
get_links (AtlasDataset *self,
           GHashTable   *links,
           const char   *id)
{
  GPtrArray *items = g_hash_table_lookup (links, id);

  return items != NULL ? items : self->no_links;
}

/* The articles that name the place, newest first. The array and the
 * articles belong to the dataset, until its contents change.
 */
GPtrArray *
atlas_dataset_get_place_articles (AtlasDataset *self,
                                  const char   *place_id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (place_id != NULL, NULL);

  return get_links (self, self->place_articles, place_id);
}

/* The articles about the geopark, newest first, each once: those that name
 * it and those that name one of its places only. Owned by the dataset.
 */
GPtrArray *
atlas_dataset_get_geopark_articles (AtlasDataset *self,
                                    const char   *geopark_id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (geopark_id != NULL, NULL);

  return get_links (self, self->geopark_articles, geopark_id);
}

/* The geopark's places, in dataset order. Owned by the dataset. */
GPtrArray *
atlas_dataset_get_geopark_places (AtlasDataset *self,
                                  const char   *geopark_id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (geopark_id != NULL, NULL);

  return get_links (self, self->geopark_places, geopark_id);
}

typedef struct
{
  AtlasArticle *article;
  guint         shared_places;
  guint         shared_geoparks;
  guint         days_apart;
  guint         position;
} Relation;

static guint
days_apart (AtlasArticle *a,
            AtlasArticle *b)
{
  if (!g_date_valid (&a->date) || !g_date_valid (&b->date))
    return G_MAXUINT;

  return ABS (g_date_days_between (&a->date, &b->date));
}

/* The closest relation first; position last, so the order never depends
 * on the sort.
 */
static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  const Relation *ra = a;
  const Relation *rb = b;

  if (ra->shared_places != rb->shared_places)
    return ra->shared_places > rb->shared_places ? -1 : 1;
  if (ra->shared_geoparks != rb->shared_geoparks)
    return ra->shared_geoparks > rb->shared_geoparks ? -1 : 1;
  if (ra->days_apart != rb->days_apart)
    return ra->days_apart < rb->days_apart ? -1 : 1;

  return ra->position < rb->position ? -1 : ra->position > rb->position;
}

/* The relation of one more article that shares something with another. */
static Relation *
relation_of (GHashTable   *found,
             GArray       *relations,
             AtlasArticle *other)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (found, other));

  if (index == 0)
    {
      Relation relation = { other, 0, 0, 0, other->position };

      g_array_append_val (relations, relation);
      index = relations->len;
      g_hash_table_insert (found, other, GUINT_TO_POINTER (index));
    }

  return &g_array_index (relations, Relation, index - 1);
}

/* "See also" for an article: the others about the same places, then about
 * the same geoparks (named or through their places), the nearest in time
 * first. Only the articles the link indexes give for its places and
 * geoparks are weighed, not all of them: ten years of news are many.
 */
GPtrArray *
atlas_dataset_get_related_articles (AtlasDataset *self,
                                    AtlasArticle *article,
                                    guint         max)
{
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (Relation));
  g_autoptr(GHashTable) found = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) geopark_ids = NULL;
  GPtrArray *related;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (ATLAS_IS_ARTICLE (article), NULL);

  /* An article names a place once at most: the loader sees to it. */
  for (guint p = 0; article->place_ids != NULL && article->place_ids[p] != NULL; p++)
    {
      GPtrArray *others = get_links (self, self->place_articles, article->place_ids[p]);

      for (guint i = 0; i < others->len; i++)
        if (g_ptr_array_index (others, i) != article)
          relation_of (found, relations, g_ptr_array_index (others, i))->shared_places++;
    }

  geopark_ids = article_geoparks (self, article);
  for (guint g = 0; g < geopark_ids->len; g++)
    {
      GPtrArray *others = get_links (self, self->geopark_articles,
                                     g_ptr_array_index (geopark_ids, g));

      for (guint i = 0; i < others->len; i++)
        if (g_ptr_array_index (others, i) != article)
          relation_of (found, relations, g_ptr_array_index (others, i))->shared_geoparks++;
    }

  for (guint i = 0; i < relations->len; i++)
    {
      Relation *relation = &g_array_index (relations, Relation, i);

      relation->days_apart = days_apart (article, relation->article);
    }

  g_array_sort (relations, compare_relations);
  related = g_ptr_array_sized_new (MIN (max, relations->len));
  for (guint i = 0; i < relations->len && i < max; i++)
    g_ptr_array_add (related, g_array_index (relations, Relation, i).article);

  return related;
}

/* All the articles, newest first, equal dates in the order of the file:
 * the order of the news list, ready made. Owned by the dataset, until its
 * contents change.
 */
GPtrArray *
atlas_dataset_get_articles_by_date (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->articles_by_date;
}

/* The years of the news, newest first, each once: the choices of a year
 * filter.
 */
GArray *
atlas_dataset_get_article_years (AtlasDataset *self)
{
  GArray *years;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  years = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < self->articles_by_date->len; i++)
    {
      int year = atlas_article_get_year (g_ptr_array_index (self->articles_by_date, i));

      /* Sorted by date, so a year already there is the last one. */
      if (year != 0 && (years->len == 0 || g_array_index (years, int, years->len - 1) != year))
        g_array_append_val (years, year);
    }

  return years;
}

/* The short names of the geoparks with these ids, on one line: "Lạng Sơn ·
 * Non nước Cao Bằng". Unknown ids are left out.
 */
char *
atlas_dataset_join_geopark_names (AtlasDataset       *self,
                                  const char * const *ids,
                                  AtlasLanguage       language)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      AtlasGeopark *geopark = atlas_dataset_lookup_geopark (self, ids[i]);

      if (geopark != NULL)
        g_string_append_printf (names, "%s%s", names->len > 0 ? " · " : "",
                                atlas_text_get (atlas_geopark_get_short_name (geopark), language));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
replace_store (GListStore *store,
               GListModel *other)
{
  guint n_items = g_list_model_get_n_items (other);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (other, i));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static AtlasSearchIndex *
new_empty_search_index (void)
{
  AtlasSearchIndex *index = atlas_search_index_new ();

  atlas_search_index_seal (index);

  return index;
}

static void
swap_pointers (gpointer *a,
               gpointer *b)
{
  gpointer t = *a;

  *a = *b;
  *b = t;
}

/* Makes this dataset show what other holds, and leaves other empty:
 * everything observing this one sees one change per list. The indexes
 * made with other (in a worker thread, when a large folder loads) move
 * over rather than being made again on the main thread.
 */
void
atlas_dataset_take_contents (AtlasDataset *self,
                             AtlasDataset *other)
{
  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail (ATLAS_IS_DATASET (other));
  g_return_if_fail (self != other);

  /* Whoever reacts to the change finds the new links already. */
  g_hash_table_remove_all (self->index);
  g_hash_table_remove_all (self->place_articles);
  g_hash_table_remove_all (self->geopark_articles);
  g_hash_table_remove_all (self->geopark_places);
  g_ptr_array_set_size (self->articles_by_date, 0);
  swap_pointers ((gpointer *) &self->index, (gpointer *) &other->index);
  swap_pointers ((gpointer *) &self->articles_by_date, (gpointer *) &other->articles_by_date);
  swap_pointers ((gpointer *) &self->place_articles, (gpointer *) &other->place_articles);
  swap_pointers ((gpointer *) &self->geopark_articles, (gpointer *) &other->geopark_articles);
  swap_pointers ((gpointer *) &self->geopark_places, (gpointer *) &other->geopark_places);

  swap_pointers ((gpointer *) &self->search_index, (gpointer *) &other->search_index);
  replace_store (self->geoparks, G_LIST_MODEL (other->geoparks));
  replace_store (self->places, G_LIST_MODEL (other->places));
  replace_store (self->articles, G_LIST_MODEL (other->articles));
  g_list_store_remove_all (other->geoparks);
  g_list_store_remove_all (other->places);
  g_list_store_remove_all (other->articles);
  g_clear_pointer (&other->search_index, atlas_search_index_unref);
  other->search_index = new_empty_search_index ();
}

static void
atlas_dataset_dispose (GObject *object)
{
  AtlasDataset *self = ATLAS_DATASET (object);

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->articles_by_date, g_ptr_array_unref);
  g_clear_pointer (&self->place_articles, g_hash_table_unref);
  g_clear_pointer (&self->geopark_articles, g_hash_table_unref);
  g_clear_pointer (&self->geopark_places, g_hash_table_unref);
  g_clear_pointer (&self->no_links, g_ptr_array_unref);
  g_clear_pointer (&self->search_index, atlas_search_index_unref);
  g_clear_object (&self->geoparks);
  g_clear_object (&self->places);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->dispose (object);
}

static void
atlas_dataset_class_init (AtlasDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_dataset_dispose;
}

static GHashTable *
new_links (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

static void
atlas_dataset_init (AtlasDataset *self)
{
  self->geoparks = g_list_store_new (ATLAS_TYPE_GEOPARK);
  self->places = g_list_store_new (ATLAS_TYPE_PLACE);
  self->articles = g_list_store_new (ATLAS_TYPE_ARTICLE);
  /* The lists own the objects; the index borrows them. */
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->articles_by_date = g_ptr_array_new ();
  self->place_articles = new_links ();
  self->geopark_articles = new_links ();
  self->geopark_places = new_links ();
  self->no_links = g_ptr_array_new ();
  self->search_index = new_empty_search_index ();
}

/* The search index of the contents (see atlas-search-index.c). */
AtlasSearchIndex *
_atlas_dataset_get_search_index (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->search_index;
}
