/* atlas-item-parser.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-item-parser"

#include "config.h"

#include "atlas-item-parser-private.h"

/* json-glib's parser, made to hand out the items of a dataset file's root
 * "items" array as soon as it has made each, and to drop them then: the
 * tree of a large file never exists whole, and each item is read while it
 * is fresh in memory. json-glib parses a file in one call, so this is also
 * where its progress is told. It follows the parser's class handlers, not
 * its signals, which json-glib 1.10 deprecates.
 *
 * Which array of the root is "items" is told by the check that precedes
 * the parse (atlas_json_check()): json-glib says which member an array
 * belongs to only once the array is complete.
 */

/* Every so many array elements is often enough for a thousandth. */
#define PROGRESS_INTERVAL 16

struct _AtlasItemParser
{
  JsonParser                   parent_instance;

  AtlasItemParserItemFunc      item_func;
  AtlasItemParserProgressFunc  progress_func;
  gpointer                     user_data;

  guint                        items_array;    /* see AtlasJsonCounts */
  guint                        depth;          /* of the object or array being made */
  guint                        n_root_arrays;  /* begun as members of the root */
  gboolean                     in_items;
  guint                        n_elements;     /* made so far */
  JsonArray                   *items;          /* borrowed: the tree's, once made */
};

G_DEFINE_FINAL_TYPE (AtlasItemParser, atlas_item_parser, JSON_TYPE_PARSER)

static void
atlas_item_parser_object_start (JsonParser *parser)
{
  AtlasItemParser *self = ATLAS_ITEM_PARSER (parser);

  self->depth++;
}

/* An array that is a member of the root object is at depth 2. */
static void
atlas_item_parser_array_start (JsonParser *parser)
{
  AtlasItemParser *self = ATLAS_ITEM_PARSER (parser);

  self->depth++;
  if (self->depth == 2 && ++self->n_root_arrays == self->items_array)
    self->in_items = TRUE;
}

static void
atlas_item_parser_array_element (JsonParser *parser,
                                 JsonArray  *array,
                                 int         index)
{
  AtlasItemParser *self = ATLAS_ITEM_PARSER (parser);

  /* The element was the last added, whatever the index says. */
  if (self->in_items && self->depth == 2)
    {
      guint last = json_array_get_length (array) - 1;

      self->item_func (json_array_get_element (array, last), index, self->user_data);
      json_array_remove_element (array, last);
    }

  self->n_elements++;
  if (self->progress_func != NULL && self->n_elements % PROGRESS_INTERVAL == 0)
    self->progress_func (self->n_elements, self->user_data);
}

static void
end_container (AtlasItemParser *self,
               JsonArray       *array)
{
  self->depth--;
  if (self->in_items && self->depth == 1)
    {
      self->in_items = FALSE;
      self->items = array;
    }
}

static void
atlas_item_parser_array_end (JsonParser *parser,
                             JsonArray  *array)
{
  end_container (ATLAS_ITEM_PARSER (parser), array);
}

static void
atlas_item_parser_object_end (JsonParser *parser,
                              JsonObject *object)
{
  end_container (ATLAS_ITEM_PARSER (parser), NULL);
}

static void
atlas_item_parser_class_init (AtlasItemParserClass *klass)
{
  JsonParserClass *parser_class = JSON_PARSER_CLASS (klass);

  parser_class->object_start = atlas_item_parser_object_start;
  parser_class->object_end = atlas_item_parser_object_end;
  parser_class->array_start = atlas_item_parser_array_start;
  parser_class->array_element = atlas_item_parser_array_element;
  parser_class->array_end = atlas_item_parser_array_end;
}

static void
atlas_item_parser_init (AtlasItemParser *self)
{
}

/**
 * atlas_item_parser_new:
 * @items_array: which array of the root is its "items", as
 *   atlas_json_check() counts them; 0 to hand out no item
 * @item_func: (nullable): given each item; needed with @items_array
 * @progress_func: (nullable): told how many array elements are made
 * @user_data: for the functions
 *
 * Returns: (transfer full): a parser for one text
 */
AtlasItemParser *
atlas_item_parser_new (guint                        items_array,
                       AtlasItemParserItemFunc      item_func,
                       AtlasItemParserProgressFunc  progress_func,
                       gpointer                     user_data)
{
  AtlasItemParser *self;

  g_return_val_if_fail (items_array == 0 || item_func != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_ITEM_PARSER, NULL);
  self->items_array = items_array;
  self->item_func = item_func;
  self->progress_func = progress_func;
  self->user_data = user_data;

  return self;
}

/**
 * atlas_item_parser_get_items:
 * @self: a parser that has parsed
 *
 * Returns: (transfer none) (nullable): the root's "items" whose elements
 *   were handed out, empty now, or %NULL when none was
 */
JsonArray *
atlas_item_parser_get_items (AtlasItemParser *self)
{
  g_return_val_if_fail (ATLAS_IS_ITEM_PARSER (self), NULL);

  return self->items;
}

/* How many array elements the parser has made (for the tests). */
guint
_atlas_item_parser_get_n_elements (AtlasItemParser *self)
{
  g_return_val_if_fail (ATLAS_IS_ITEM_PARSER (self), 0);

  return self->n_elements;
}
