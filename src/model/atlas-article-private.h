/* atlas-article-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-article.h"

G_BEGIN_DECLS

/* Filled in by the dataset loader, read-only afterwards. */
struct _AtlasArticle
{
  GObject             parent_instance;

  char               *id;
  GDate               date;
  AtlasDatePrecision  date_precision;
  AtlasText          *date_note;
  AtlasText          *title;
  AtlasText          *summary;
  AtlasText          *body;
  char              **geopark_ids;
  char              **place_ids;
  AtlasTopics         topics;
  char               *source;

  /* Its place in the dataset's list, and where the dataset's search index
   * holds it, set by the dataset.
   */
  guint               position;
  guint               search_position;
};

G_END_DECLS
