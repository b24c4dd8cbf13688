/* atlas-schema-reader.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "atlas-article.h"
#include "atlas-dataset-loader.h"
#include "atlas-text.h"

G_BEGIN_DECLS

/* Where the values of one load are read from, and what was found wrong
 * with them. Every problem names its file and the JSON path of the value,
 * "news.json: $.items[3].places[0]", which grows and shrinks as the
 * readers go into members and elements.
 */
typedef struct
{
  const char *file;         /* "news.json" */
  GString    *path;         /* "$.items[3]" */
  GPtrArray  *problems;     /* GError, in the order found */
  GHashTable *ids;          /* id → where it was first defined */
  GPtrArray  *references;   /* to check once every file is read */
} AtlasSchemaReader;

/* A reference to an item, to check once every file is read. */
typedef struct
{
  char  *location;   /* "news.json: $.items[3].places[0]" */
  char  *id;
  GType  type;
} AtlasSchemaReference;

/* The name of the index-th value of a closed list, such as the kinds of
 * place, for messages that list them.
 */
typedef const char *(*AtlasSchemaNameFunc) (guint index);

/* Reads one object of a list (see atlas_schema_reader_object_list()). */
typedef void (*AtlasSchemaObjectFunc) (AtlasSchemaReader *r,
                                       JsonObject        *object,
                                       gpointer           user_data);

typedef struct
{
  double latitude;
  double longitude;
  double precision_m;
} AtlasSchemaLocation;

void        atlas_schema_reader_init          (AtlasSchemaReader    *r,
                                               GPtrArray            *problems);
void        atlas_schema_reader_clear         (AtlasSchemaReader    *r);
void        atlas_schema_reader_start_file    (AtlasSchemaReader    *r,
                                               const char           *file);

void        atlas_schema_reader_report        (AtlasSchemaReader    *r,
                                               AtlasDatasetError     code,
                                               const char           *format,
                                               ...) G_GNUC_PRINTF (3, 4);
char       *atlas_schema_reader_list_names    (AtlasSchemaNameFunc   name_of,
                                               guint                 n_names);

gsize       atlas_schema_reader_push_member   (AtlasSchemaReader    *r,
                                               const char           *key);
gsize       atlas_schema_reader_push_index    (AtlasSchemaReader    *r,
                                               guint                 index);
void        atlas_schema_reader_pop           (AtlasSchemaReader    *r,
                                               gsize                 mark);

JsonObject *atlas_schema_reader_expect_object (AtlasSchemaReader    *r,
                                               JsonNode             *node);
JsonArray  *atlas_schema_reader_expect_array  (AtlasSchemaReader    *r,
                                               JsonNode             *node,
                                               guint                 min_length,
                                               guint                 max_length);
char       *atlas_schema_reader_expect_string (AtlasSchemaReader    *r,
                                               JsonNode             *node);
gboolean    atlas_schema_reader_expect_number (AtlasSchemaReader    *r,
                                               JsonNode             *node,
                                               double                min,
                                               double                max,
                                               double               *value);
gboolean    atlas_schema_reader_expect_year   (AtlasSchemaReader    *r,
                                               JsonNode             *node,
                                               int                  *year);
char       *atlas_schema_reader_expect_id     (AtlasSchemaReader    *r,
                                               JsonNode             *node);
char       *atlas_schema_reader_describe      (JsonNode             *node);

void        atlas_schema_reader_check_fields  (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char * const   *known);
JsonNode   *atlas_schema_reader_member        (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char           *key,
                                               gboolean              required);
JsonObject *atlas_schema_reader_enter_object  (AtlasSchemaReader    *r,
                                               JsonObject           *parent,
                                               const char           *key,
                                               gboolean              required,
                                               const char * const   *known,
                                               gsize                *mark);

char       *atlas_schema_reader_string        (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char           *key,
                                               gboolean              required);
gboolean    atlas_schema_reader_number        (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char           *key,
                                               double                min,
                                               double                max,
                                               double               *value);
void        atlas_schema_reader_boolean       (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char           *key,
                                               gboolean             *value);
AtlasText  *atlas_schema_reader_text          (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char           *key,
                                               gboolean              required);
char       *atlas_schema_reader_own_id        (AtlasSchemaReader    *r,
                                               JsonObject           *object);
void        atlas_schema_reader_add_reference (AtlasSchemaReader    *r,
                                               const char           *id,
                                               GType                 type);
char      **atlas_schema_reader_references    (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char           *key,
                                               GType                 type);
gboolean    atlas_schema_reader_date          (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char           *key,
                                               GDate                *date);
gboolean    atlas_schema_reader_date_precision (AtlasSchemaReader   *r,
                                                JsonObject          *object,
                                                const char          *key,
                                                AtlasDatePrecision  *precision);
void        atlas_schema_reader_check_date_precision (AtlasSchemaReader  *r,
                                                      const GDate        *date,
                                                      AtlasDatePrecision  precision,
                                                      const char         *key);
gboolean    atlas_schema_reader_location_of   (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char           *key,
                                               AtlasSchemaLocation  *location);
char      **atlas_schema_reader_string_list   (AtlasSchemaReader    *r,
                                               JsonObject           *object,
                                               const char           *key);
void        atlas_schema_reader_object_list   (AtlasSchemaReader    *r,
                                               JsonObject           *parent,
                                               const char           *key,
                                               guint                 min_length,
                                               const char * const   *known,
                                               AtlasSchemaObjectFunc read_object,
                                               gpointer              user_data);

G_END_DECLS
