/* atlas-text.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The languages content comes in. */
typedef enum
{
  ATLAS_LANGUAGE_VI,
  ATLAS_LANGUAGE_EN,
  ATLAS_N_LANGUAGES
} AtlasLanguage;

#define ATLAS_TYPE_TEXT (atlas_text_get_type ())

/* A piece of content in several languages: {"vi": "…", "en": "…"}. */
typedef struct _AtlasText AtlasText;

GType          atlas_text_get_type          (void) G_GNUC_CONST;
AtlasText     *atlas_text_new               (const char    *vi,
                                             const char    *en);
AtlasText     *atlas_text_ref               (AtlasText     *text);
void           atlas_text_unref             (AtlasText     *text);
const char    *atlas_text_get               (const AtlasText *text,
                                             AtlasLanguage  language);
const char    *atlas_text_get_exact         (const AtlasText *text,
                                             AtlasLanguage  language);
gboolean       atlas_language_from_code     (const char    *code,
                                             AtlasLanguage *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasText, atlas_text_unref)

G_END_DECLS
