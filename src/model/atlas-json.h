/* atlas-json.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ATLAS_JSON_ERROR (atlas_json_error_quark ())

typedef enum
{
  /* Not JSON (RFC 8259): the message says where and why. */
  ATLAS_JSON_ERROR_SYNTAX,
  /* JSON, but nested deeper than a dataset ever needs. */
  ATLAS_JSON_ERROR_DEPTH,
} AtlasJsonError;

/* Where one element of a deferred array lies in the text. */
typedef struct
{
  gsize offset;
  gsize length;
} AtlasJsonSpan;

typedef enum
{
  ATLAS_JSON_NULL,
  ATLAS_JSON_BOOLEAN,
  ATLAS_JSON_INTEGER,     /* fits in 64 bits, no fraction or exponent */
  ATLAS_JSON_DOUBLE,      /* any other number */
  ATLAS_JSON_STRING,
  ATLAS_JSON_ARRAY,
  ATLAS_JSON_OBJECT,
} AtlasJsonType;

typedef struct _AtlasJsonDocument AtlasJsonDocument;
typedef struct _AtlasJsonMember   AtlasJsonMember;
typedef struct _AtlasJsonValue    AtlasJsonValue;

/* One value of a parsed document, and everything in it: owned by the
 * document, valid until it parses again or is freed.
 */
struct _AtlasJsonValue
{
  AtlasJsonType type;
  /* A string's length in bytes; how many elements an array has, or how
   * many members an object.
   */
  guint         length;
  union
  {
    gboolean               boolean;
    gint64                 integer;
    double                 number;
    const char            *string;     /* NUL-terminated */
    const AtlasJsonValue  *elements;
    const AtlasJsonMember *members;    /* each name once, as in json-glib */
  };
};

struct _AtlasJsonMember
{
  AtlasJsonValue name;                 /* a string */
  AtlasJsonValue value;
};

GQuark                atlas_json_error_quark      (void);

AtlasJsonDocument    *atlas_json_document_new     (void);
void                  atlas_json_document_free    (AtlasJsonDocument   *document);
const AtlasJsonValue *atlas_json_document_parse   (AtlasJsonDocument   *document,
                                                   const char          *data,
                                                   gsize                length,
                                                   const char          *deferred,
                                                   GArray              *deferred_spans,
                                                   guint               *error_line,
                                                   guint               *error_column,
                                                   GError             **error);

const AtlasJsonValue *atlas_json_value_get_member (const AtlasJsonValue *object,
                                                   const char           *name);
JsonNode             *atlas_json_value_to_node    (const AtlasJsonValue *value);

JsonNode             *atlas_json_parse            (const char          *data,
                                                   gsize                length,
                                                   const char          *deferred,
                                                   GArray              *deferred_spans,
                                                   guint               *error_line,
                                                   guint               *error_column,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasJsonDocument, atlas_json_document_free)

G_END_DECLS
