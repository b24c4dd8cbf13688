/* atlas-bench-fts5.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-bench-fts5"

#include "config.h"

#include "bench-load.h"
#include "bench-stats.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "atlas-browse-filter.h"
#include "atlas-dataset-loader.h"
#include "atlas-search-tokenizer.h"
#include "atlas-search.h"

/* SQLite FTS5 as the search engine, measured against our own index for
 * issue 19 (docs/PERFORMANCE.md). Never part of the app: it loads the
 * dataset as atlas-bench does, indexes it in an in-memory FTS5 table with
 * our tokenizer, and types the same queries.
 *
 *   atlas-bench-fts5 search [OPTION...] DIR QUERY...
 *   atlas-bench-fts5 rank [OPTION...] DIR QUERY...
 *
 * DIR "-" is the bundled data. Options: --rounds N (search), --prefix SPEC
 * (FTS5's prefix option, "1 2 3"), --rank FUNCTION (the table's rank,
 * "bm25(10.0, 4.0, 1.0)" unless given), --no-phrase (the words alone),
 * --trigram (FTS5's trigram tokenizer over folded text, not ours).
 *
 * One row per item: geoparks, then places, then news, so that the rowid
 * says which list an item belongs to. Its columns, each in both languages:
 * its name (a news item's title), the names it links to (a place's geopark,
 * a news item's geoparks and places; a geopark's provinces), and its text
 * (description, or summary and body).
 */

/* What each column weighs in bm25: names over linked names over text. */
#define RANK_FUNCTION "bm25(10.0, 4.0, 1.0)"

/* Rows of each list a window shows at once, which need their highlights. */
#define VISIBLE_ROWS 30

typedef enum
{
  KIND_GEOPARK,
  KIND_PLACE,
  KIND_NEWS,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = { "geoparks", "places", "news" };

typedef struct
{
  AtlasDataset *dataset;
  sqlite3      *db;
  GPtrArray    *items;          /* by rowid - 1 */
  gint64        first[N_KINDS]; /* the first rowid of each kind */
  gboolean      trigram;        /* FTS5's trigram tokenizer over folded text instead of ours */
  const char   *rank;           /* the rank function, RANK_FUNCTION unless asked otherwise */
  gboolean      no_phrase;      /* the words alone, without the phrase OR'ed in */
} Engine;

/* Our tokenizer, as FTS5 calls it -------------------------------------- */

typedef struct
{
  void *ctx;
  int (*token) (void *ctx, int flags, const char *token, int n_token, int start, int end);
  int   rc;
} Tokenizing;

static gboolean
on_token (const char *folded,
          gsize       folded_length,
          gsize       start,
          gsize       end,
          gpointer    user_data)
{
  Tokenizing *tokenizing = user_data;

  tokenizing->rc = tokenizing->token (tokenizing->ctx, 0, folded, (int) folded_length,
                                      (int) start, (int) end);

  return tokenizing->rc == SQLITE_OK;
}

static int
tokenizer_create (void           *user_data,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **tokenizer)
{
  /* Nothing to keep per table: any pointer but NULL will do. */
  *tokenizer = user_data;

  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

/* Documents and queries alike: FTS5 asks for a query's prefix token with
 * FTS5_TOKENIZE_PREFIX, and a folded prefix is the prefix of the folded word.
 */
static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            length,
                    int          (*token) (void *, int, const char *, int, int, int))
{
  Tokenizing tokenizing = { ctx, token, SQLITE_OK };

  atlas_search_tokenize (text, length, on_token, &tokenizing);

  return tokenizing.rc;
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("%s: %s\n", sql, message);
      exit (1);
    }
}

static sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("%s: %s\n", sql, sqlite3_errmsg (db));
      exit (1);
    }

  return stmt;
}

/* A rank of our own ------------------------------------------------------- */

/* FTS5's bm25() normalizes a match by the length of the whole row, so a
 * place with a long description loses to one with the same words in a
 * longer name; and its IDF is nothing for a word in more than half the
 * rows ("cao bang" at Cao Bằng), which leaves every score equal. This one
 * is BM25 with each column normalized by its own length against its own
 * average (BM25F's way), and an IDF that stays above zero. Same arguments:
 * a weight per column.
 */

#define RANK_K1 1.2
#define RANK_B 0.75
#define RANK_MAX_PHRASES 32
#define RANK_MAX_COLUMNS 8

typedef struct
{
  int    n_phrases;
  int    n_columns;
  double idf[RANK_MAX_PHRASES];
  double average[RANK_MAX_COLUMNS];
} RankQuery;

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  (*(gint64 *) user_data)++;

  return SQLITE_OK;
}

/* Once per query: each phrase's IDF, each column's average length. */
static RankQuery *
rank_query_new (const Fts5ExtensionApi *api,
                Fts5Context            *fts)
{
  RankQuery *query = g_new0 (RankQuery, 1);
  sqlite3_int64 n_rows = 0;

  query->n_phrases = MIN (api->xPhraseCount (fts), RANK_MAX_PHRASES);
  query->n_columns = MIN (api->xColumnCount (fts), RANK_MAX_COLUMNS);
  api->xRowCount (fts, &n_rows);
  for (int c = 0; c < query->n_columns; c++)
    {
      sqlite3_int64 total = 0;

      api->xColumnTotalSize (fts, c, &total);
      query->average[c] = MAX (1.0, (double) total / MAX (1, n_rows));
    }
  for (int p = 0; p < query->n_phrases; p++)
    {
      gint64 n = 0;

      api->xQueryPhrase (fts, p, &n, count_row);
      query->idf[p] = log (1.0 + (n_rows - n + 0.5) / (n + 0.5));
    }

  return query;
}

static void
atlas_rank (const Fts5ExtensionApi *api,
            Fts5Context            *fts,
            sqlite3_context        *context,
            int                     n_values,
            sqlite3_value         **values)
{
  RankQuery *query = api->xGetAuxdata (fts, 0);
  double frequencies[RANK_MAX_PHRASES][RANK_MAX_COLUMNS] = { { 0 } };
  double score = 0;
  int n_instances = 0;

  if (query == NULL)
    {
      query = rank_query_new (api, fts);
      api->xSetAuxdata (fts, query, g_free);
    }

  api->xInstCount (fts, &n_instances);
  for (int i = 0; i < n_instances; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) == SQLITE_OK &&
          phrase < query->n_phrases && column < query->n_columns)
        frequencies[phrase][column] += 1;
    }

  for (int c = 0; c < query->n_columns; c++)
    {
      double weight = c < n_values ? sqlite3_value_double (values[c]) : 1.0;
      double norm;
      int size = 0;

      api->xColumnSize (fts, c, &size);
      norm = RANK_K1 * (1 - RANK_B + RANK_B * size / query->average[c]);
      for (int p = 0; p < query->n_phrases; p++)
        {
          double f = frequencies[p][c];

          if (f > 0)
            score += query->idf[p] * weight * f * (RANK_K1 + 1) / (f + norm);
        }
    }

  /* Best first in ascending order, as bm25() does. */
  sqlite3_result_double (context, -score);
}

/* The dataset ------------------------------------------------------------ */

/* Both languages of the text, a line each; with the trigram tokenizer
 * folded here, as it cannot fold đ itself.
 */
static void
append_text (Engine    *engine,
             GString   *column,
             AtlasText *text)
{
  for (guint i = 0; text != NULL && i < ATLAS_N_LANGUAGES; i++)
    {
      const char *string = atlas_text_get_exact (text, i);

      if (string == NULL)
        continue;
      if (engine->trigram)
        atlas_search_fold_append_valid (column, string);
      else
        g_string_append (column, string);
      g_string_append_c (column, '\n');
    }
}

static void
append_geopark_names (Engine     *engine,
                      GString    *column,
                      const char *id)
{
  AtlasGeopark *geopark = id != NULL ? atlas_dataset_lookup_geopark (engine->dataset, id) : NULL;

  if (geopark == NULL)
    return;
  append_text (engine, column, atlas_geopark_get_name (geopark));
  append_text (engine, column, atlas_geopark_get_short_name (geopark));
}

static void
insert_row (sqlite3_stmt *insert,
            gint64        rowid,
            GString      *columns[3])
{
  sqlite3_bind_int64 (insert, 1, rowid);
  for (int c = 0; c < 3; c++)
    sqlite3_bind_text (insert, c + 2, columns[c]->str, (int) columns[c]->len, SQLITE_STATIC);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      g_printerr ("insert: %s\n", sqlite3_errmsg (sqlite3_db_handle (insert)));
      exit (1);
    }
  sqlite3_reset (insert);
  for (int c = 0; c < 3; c++)
    g_string_truncate (columns[c], 0);
}

static void
add_row (Engine       *engine,
         sqlite3_stmt *insert,
         gpointer      item,
         GString      *columns[3])
{
  g_ptr_array_add (engine->items, item);
  insert_row (insert, engine->items->len, columns);
}

static void
add_geoparks (Engine       *engine,
              sqlite3_stmt *insert,
              GString      *columns[3])
{
  GListModel *geoparks = atlas_dataset_get_geoparks (engine->dataset);

  engine->first[KIND_GEOPARK] = engine->items->len + 1;
  for (guint i = 0; i < g_list_model_get_n_items (geoparks); i++)
    {
      g_autoptr(AtlasGeopark) geopark = g_list_model_get_item (geoparks, i);

      append_text (engine, columns[0], atlas_geopark_get_name (geopark));
      append_text (engine, columns[0], atlas_geopark_get_short_name (geopark));
      append_text (engine, columns[1], atlas_geopark_get_province (geopark));
      append_text (engine, columns[1], atlas_geopark_get_province_before_2025 (geopark));
      append_text (engine, columns[2], atlas_geopark_get_description (geopark));
      add_row (engine, insert, geopark, columns);
    }
}

static void
add_places (Engine       *engine,
            sqlite3_stmt *insert,
            GString      *columns[3])
{
  GListModel *places = atlas_dataset_get_places (engine->dataset);

  engine->first[KIND_PLACE] = engine->items->len + 1;
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (places, i);

      append_text (engine, columns[0], atlas_place_get_name (place));
      append_geopark_names (engine, columns[1], atlas_place_get_geopark_id (place));
      append_text (engine, columns[2], atlas_place_get_description (place));
      add_row (engine, insert, place, columns);
    }
}

static void
add_news (Engine       *engine,
          sqlite3_stmt *insert,
          GString      *columns[3])
{
  GListModel *articles = atlas_dataset_get_articles (engine->dataset);

  engine->first[KIND_NEWS] = engine->items->len + 1;
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, i);
      const char * const *geopark_ids = atlas_article_get_geopark_ids (article);
      const char * const *place_ids = atlas_article_get_place_ids (article);

      append_text (engine, columns[0], atlas_article_get_title (article));
      for (guint g = 0; geopark_ids != NULL && geopark_ids[g] != NULL; g++)
        append_geopark_names (engine, columns[1], geopark_ids[g]);
      for (guint p = 0; place_ids != NULL && place_ids[p] != NULL; p++)
        {
          AtlasPlace *place = atlas_dataset_lookup_place (engine->dataset, place_ids[p]);

          if (place != NULL)
            append_text (engine, columns[1], atlas_place_get_name (place));
        }
      append_text (engine, columns[2], atlas_article_get_summary (article));
      append_text (engine, columns[2], atlas_article_get_body (article));
      add_row (engine, insert, article, columns);
    }
}

/* The FTS5 table of the dataset, in memory; prefix is FTS5's prefix option
 * ("" for none). Prints what building it took. Never inlined, so that
 * callgrind can count it alone (--toggle-collect=engine_build).
 */
static G_GNUC_NO_INLINE void
engine_build (Engine     *engine,
              const char *prefix)
{
  g_autofree char *create = NULL;
  g_autofree char *rank = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) links = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  GString *columns[3] = { name, links, text };
  sqlite3_stmt *insert;
  fts5_api *api;
  gint64 start, inserted;

  if (sqlite3_open (":memory:", &engine->db) != SQLITE_OK ||
      (api = get_fts5_api (engine->db)) == NULL)
    {
      g_printerr ("no SQLite with FTS5\n");
      exit (1);
    }

  {
    static fts5_tokenizer tokenizer = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };

    api->xCreateTokenizer (api, "atlas", api, &tokenizer, NULL);
    api->xCreateFunction (api, "atlas_rank", NULL, atlas_rank, NULL);
  }

  start = g_get_monotonic_time ();
  create = g_strdup_printf ("CREATE VIRTUAL TABLE items USING fts5 "
                            "(name, links, text, tokenize = '%s'%s%s%s)",
                            engine->trigram ? "trigram" : "atlas",
                            *prefix != '\0' ? ", prefix = '" : "", prefix,
                            *prefix != '\0' ? "'" : "");
  exec_or_die (engine->db, create);
  rank = g_strdup_printf ("INSERT INTO items (items, rank) VALUES ('rank', '%s')", engine->rank);
  exec_or_die (engine->db, rank);
  exec_or_die (engine->db, "BEGIN");
  insert = prepare_or_die (engine->db,
                           "INSERT INTO items (rowid, name, links, text) VALUES (?1, ?2, ?3, ?4)");
  engine->items = g_ptr_array_new ();
  add_geoparks (engine, insert, columns);
  add_places (engine, insert, columns);
  add_news (engine, insert, columns);
  sqlite3_finalize (insert);
  exec_or_die (engine->db, "COMMIT");
  inserted = g_get_monotonic_time ();
  /* One b-tree segment, as a table built once and then only read can be. */
  exec_or_die (engine->db, "INSERT INTO items (items) VALUES ('optimize')");

  g_print ("fts5%s prefix='%s' rank %s: %u rows, built in %.0f ms (+ %.0f ms optimize), "
           "sqlite3_memory_used %.1f MiB (highwater %.1f MiB)\n",
           engine->trigram ? " trigram" : "", prefix, engine->rank, engine->items->len,
           (inserted - start) / 1000.0, (g_get_monotonic_time () - inserted) / 1000.0,
           sqlite3_memory_used () / 1048576.0, sqlite3_memory_highwater (FALSE) / 1048576.0);
}

static Kind
engine_kind (Engine *engine,
             gint64  rowid)
{
  return rowid >= engine->first[KIND_NEWS] ? KIND_NEWS
         : rowid >= engine->first[KIND_PLACE] ? KIND_PLACE : KIND_GEOPARK;
}

/* The query ------------------------------------------------------------- */

static gboolean
on_query_word (const char *folded,
               gsize       folded_length,
               gsize       start,
               gsize       end,
               gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strndup (folded, folded_length));

  return TRUE;
}

/* What the search entry's text asks FTS5: every word, the last one as a
 * prefix while it is being typed (no space after it yet), in any column;
 * and, to rank phrases first, the words as a phrase OR'ed in: bm25 adds
 * up what each part of the query matched, so rows with the phrase score
 * higher. NULL when there is nothing to search for.
 */
static char *
make_match (Engine     *engine,
            const char *typed)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) match = g_string_new (NULL);
  gsize length = strlen (typed);
  gboolean typing = length > 0 && !g_ascii_isspace (typed[length - 1]);

  atlas_search_tokenize (typed, -1, on_query_word, words);
  if (words->len == 0)
    return NULL;

  /* Substrings of three letters or more: any shorter word would match
   * nothing.
   */
  if (engine->trigram)
    {
      for (guint i = 0; i < words->len; i++)
        {
          const char *word = g_ptr_array_index (words, i);

          if (strlen (word) < 3)
            continue;
          g_string_append_printf (match, "%s\"%s\"", match->len > 0 ? " AND " : "", word);
        }
      return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
    }

  if (words->len > 1 && !engine->no_phrase)
    {
      g_string_append (match, "\"");
      for (guint i = 0; i < words->len; i++)
        g_string_append_printf (match, "%s%s", i > 0 ? " " : "",
                                (char *) g_ptr_array_index (words, i));
      g_string_append_printf (match, "\"%s OR (", typing ? "*" : "");
    }
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (match, "%s\"%s\"%s", i > 0 ? " AND " : "",
                            (char *) g_ptr_array_index (words, i),
                            typing && i == words->len - 1 ? "*" : "");
  if (words->len > 1 && !engine->no_phrase)
    g_string_append (match, ")");

  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* Searching -------------------------------------------------------------- */

/* How much of what the lists need each pass asks of FTS5. */
typedef enum
{
  PASS_UNRANKED,    /* every match, in rowid order */
  PASS_RANKED,      /* every match, best first */
  PASS_HIGHLIGHTED, /* and the highlights of each list's first rows */
  N_PASSES
} Pass;

static const char * const pass_names[N_PASSES] = {
  "every match, unranked",
  "every match ranked",
  "ranked, with the first rows' highlights",
};

typedef struct
{
  Engine       *engine;
  sqlite3_stmt *all;        /* every match */
  sqlite3_stmt *visible;    /* the highlights of a list's first rows */
  GListStore   *lists[N_KINDS];
  GPtrArray    *found[N_KINDS];
  gboolean      highlight;
} Search;

static void
search_init (Search *search,
             Engine *engine,
             Pass    pass)
{
  search->engine = engine;
  search->highlight = pass == PASS_HIGHLIGHTED;
  search->all = prepare_or_die (engine->db,
                                pass == PASS_UNRANKED
                                ? "SELECT rowid FROM items WHERE items MATCH ?1"
                                : "SELECT rowid FROM items WHERE items MATCH ?1 ORDER BY rank");
  search->visible = prepare_or_die (engine->db,
                                    "SELECT rowid, highlight (items, 0, '<b>', '</b>'), "
                                    "snippet (items, 2, '<b>', '</b>', '…', 24) FROM items "
                                    "WHERE items MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
                                    "ORDER BY rank LIMIT " G_STRINGIFY (VISIBLE_ROWS));
  for (int k = 0; k < N_KINDS; k++)
    {
      search->lists[k] = g_list_store_new (G_TYPE_OBJECT);
      search->found[k] = g_ptr_array_new ();
    }
}

/* Never inlined: callgrind's --dump-after=search_clear ends each pass's
 * counts there.
 */
static G_GNUC_NO_INLINE void
search_clear (Search *search)
{
  sqlite3_finalize (search->all);
  sqlite3_finalize (search->visible);
  for (int k = 0; k < N_KINDS; k++)
    {
      g_clear_object (&search->lists[k]);
      g_clear_pointer (&search->found[k], g_ptr_array_unref);
    }
}

/* Steps through a list's first rows, as the rows being bound would ask
 * for their highlighted name and summary; returns the bytes of markup.
 */
static gsize
highlight_visible (Search     *search,
                   const char *match,
                   Kind        kind)
{
  Engine *engine = search->engine;
  gint64 last = kind == KIND_NEWS ? G_MAXINT64 : engine->first[kind + 1] - 1;
  gsize bytes = 0;

  sqlite3_bind_text (search->visible, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (search->visible, 2, engine->first[kind]);
  sqlite3_bind_int64 (search->visible, 3, last);
  while (sqlite3_step (search->visible) == SQLITE_ROW)
    bytes += sqlite3_column_bytes (search->visible, 1) + sqlite3_column_bytes (search->visible, 2);
  sqlite3_reset (search->visible);

  return bytes;
}

/* One keystroke: every match found and ranked, each list given its items
 * in that order, and (with highlight) the first rows' highlights. Never
 * inlined, so that callgrind can count it alone:
 * `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=fts5_keystroke`.
 */
static G_GNUC_NO_INLINE double
fts5_keystroke (Search     *search,
                const char *typed)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *match = make_match (search->engine, typed);

  for (int k = 0; k < N_KINDS; k++)
    g_ptr_array_set_size (search->found[k], 0);

  if (match != NULL)
    {
      sqlite3_bind_text (search->all, 1, match, -1, SQLITE_STATIC);
      while (sqlite3_step (search->all) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (search->all, 0);

          g_ptr_array_add (search->found[engine_kind (search->engine, rowid)],
                           g_ptr_array_index (search->engine->items, rowid - 1));
        }
      if (sqlite3_reset (search->all) != SQLITE_OK)
        g_printerr ("\"%s\": %s\n", match, sqlite3_errmsg (search->engine->db));
    }

  for (int k = 0; k < N_KINDS; k++)
    g_list_store_splice (search->lists[k], 0,
                         g_list_model_get_n_items (G_LIST_MODEL (search->lists[k])),
                         search->found[k]->pdata, search->found[k]->len);

  if (match != NULL && search->highlight)
    {
      highlight_visible (search, match, KIND_NEWS);
      highlight_visible (search, match, KIND_PLACE);
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The nearest-rank percentile of samples, which it sorts. */
static double
percentile (GArray *samples,
            double  p)
{
  guint rank;

  g_assert (samples->len > 0);
  g_array_sort (samples, bench_compare_doubles);
  rank = (guint) MAX (1.0, (p / 100.0) * samples->len + 0.999999);

  return g_array_index (samples, double, MIN (rank, samples->len) - 1);
}

/* Types each query a letter at a time, as atlas-bench search does, in
 * each pass.
 */
static int
search_queries (Engine             *engine,
                const char         *dir,
                const char * const *queries,
                guint               rounds)
{
  for (Pass pass = 0; pass < N_PASSES; pass++)
    {
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      Search search = { 0 };

      search_init (&search, engine, pass);
      for (guint round = 0; round < rounds; round++)
        for (guint q = 0; queries[q] != NULL; q++)
          for (const char *end = queries[q]; *end != '\0'; )
            {
              g_autofree char *typed = NULL;
              double ms;

              end = g_utf8_next_char (end);
              typed = g_strndup (queries[q], end - queries[q]);
              ms = fts5_keystroke (&search, typed);
              g_array_append_val (samples, ms);
              if (round == rounds - 1 && pass == PASS_HIGHLIGHTED)
                g_print ("  \"%s\": %u news, %u places, %u geoparks, %.2f ms\n", typed,
                         search.found[KIND_NEWS]->len, search.found[KIND_PLACE]->len,
                         search.found[KIND_GEOPARK]->len, ms);
            }

      g_print ("fts5 search %s, %s: %u keystrokes  median %.2f ms  p95 %.2f ms  max %.2f ms\n",
               dir, pass_names[pass], samples->len,
               percentile (samples, 50), percentile (samples, 95),
               percentile (samples, 100));
      search_clear (&search);
    }

  return 0;
}

/* Ranking ------------------------------------------------------------- */

static const char *
item_name (gpointer item)
{
  if (ATLAS_IS_GEOPARK (item))
    return atlas_text_get (atlas_geopark_get_name (item), ATLAS_LANGUAGE_VI);
  if (ATLAS_IS_PLACE (item))
    return atlas_text_get (atlas_place_get_name (item), ATLAS_LANGUAGE_VI);

  return atlas_text_get (atlas_article_get_title (item), ATLAS_LANGUAGE_VI);
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  AtlasPlace *x = *(AtlasPlace **) a;
  AtlasPlace *y = *(AtlasPlace **) b;

  return strcmp (atlas_place_get_sort_key (x, ATLAS_LANGUAGE_VI),
                 atlas_place_get_sort_key (y, ATLAS_LANGUAGE_VI));
}

/* What the lists show first today for the same query: the news that match
 * in date order, the places that match by name (Vietnamese), no geoparks.
 */
static void
print_today (Engine     *engine,
             const char *query)
{
  g_autoptr(AtlasBrowseFilter) browse = atlas_browse_filter_new ();
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all_places = atlas_dataset_get_places (engine->dataset);
  GPtrArray *news = atlas_dataset_get_articles_by_date (engine->dataset);
  guint shown = 0;
  guint count = 0;

  atlas_browse_filter_set_search (browse, query);
  for (guint i = 0; i < g_list_model_get_n_items (all_places); i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (all_places, i);

      if (atlas_browse_filter_match_place (browse, engine->dataset, place))
        g_ptr_array_add (places, g_steal_pointer (&place));
    }
  g_ptr_array_sort (places, compare_places);
  g_print ("  today, places: %u\n", places->len);
  for (guint i = 0; i < MIN (5, places->len); i++)
    g_print ("    %u. %s\n", i + 1, item_name (g_ptr_array_index (places, i)));

  for (guint i = 0; i < news->len; i++)
    count += atlas_browse_filter_match_article (browse, engine->dataset,
                                                g_ptr_array_index (news, i));
  g_print ("  today, news: %u\n", count);
  for (guint i = 0; i < news->len && shown < 5; i++)
    {
      AtlasArticle *article = g_ptr_array_index (news, i);

      if (atlas_browse_filter_match_article (browse, engine->dataset, article))
        g_print ("    %u. %s\n", ++shown, item_name (article));
    }
}

/* The first five of each list for each query, with their bm25 score, as
 * typed in full (the last word still a prefix, as while typing), and
 * today's first five beside them.
 */
static int
rank_queries (Engine             *engine,
              const char * const *queries)
{
  sqlite3_stmt *stmt = prepare_or_die (engine->db,
                                       "SELECT rowid, rank FROM items WHERE items MATCH ?1 "
                                       "ORDER BY rank");

  for (guint q = 0; queries[q] != NULL; q++)
    {
      g_autofree char *match = make_match (engine, queries[q]);
      guint shown[N_KINDS] = { 0 };
      guint counts[N_KINDS] = { 0 };
      GString *lines[N_KINDS];

      if (match == NULL)
        continue;
      for (int k = 0; k < N_KINDS; k++)
        lines[k] = g_string_new (NULL);
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 0);
          Kind kind = engine_kind (engine, rowid);

          counts[kind]++;
          if (shown[kind]++ < 5)
            g_string_append_printf (lines[kind], "    %d. %-60s %7.2f\n", shown[kind],
                                    item_name (g_ptr_array_index (engine->items, rowid - 1)),
                                    sqlite3_column_double (stmt, 1));
        }
      sqlite3_reset (stmt);

      g_print ("\"%s\"  (MATCH %s)\n", queries[q], match);
      for (int k = 0; k < N_KINDS; k++)
        {
          g_print ("  %s: %u\n%s", kind_names[k], counts[k], lines[k]->str);
          g_string_free (lines[k], TRUE);
        }
      print_today (engine, queries[q]);
    }
  sqlite3_finalize (stmt);

  return 0;
}

G_GNUC_NORETURN static void
usage (void)
{
  g_printerr ("usage: atlas-bench-fts5 search|rank [--rounds N] [--prefix SPEC] "
              "[--rank FUNCTION] [--no-phrase] [--trigram] DIR|- QUERY...\n");
  exit (2);
}

int
main (int   argc,
      char *argv[])
{
  Engine engine = { .rank = RANK_FUNCTION };
  const char *prefix = "";
  const char *dir;
  guint rounds = 5;
  int first = 2;
  int status;

  /* Queries and names are printed as typed, in UTF-8. */
  setlocale (LC_ALL, "C.UTF-8");

  if (argc < 3)
    usage ();

  while (first < argc && g_str_has_prefix (argv[first], "--"))
    {
      if (g_str_equal (argv[first], "--trigram"))
        engine.trigram = TRUE;
      else if (g_str_equal (argv[first], "--no-phrase"))
        engine.no_phrase = TRUE;
      else if (first + 1 < argc && g_str_equal (argv[first], "--rounds"))
        {
          /* Not inside MAX (), which would step twice. */
          int n = atoi (argv[++first]);

          rounds = (guint) MAX (1, n);
        }
      else if (first + 1 < argc && g_str_equal (argv[first], "--prefix"))
        prefix = argv[++first];
      else if (first + 1 < argc && g_str_equal (argv[first], "--rank"))
        engine.rank = argv[++first];
      else
        usage ();
      first++;
    }
  if (argc < first + 2)
    usage ();

  dir = g_str_equal (argv[first], "-") ? NULL : argv[first];
  engine.dataset = bench_load (dir);
  engine_build (&engine, prefix);

  if (g_str_equal (argv[1], "search"))
    status = search_queries (&engine, dir ? dir : "bundled",
                             (const char * const *) argv + first + 1, rounds);
  else if (g_str_equal (argv[1], "rank"))
    status = rank_queries (&engine, (const char * const *) argv + first + 1);
  else
    usage ();

  sqlite3_close (engine.db);
  g_ptr_array_unref (engine.items);
  g_object_unref (engine.dataset);

  return status;
}
