/* atlas-caption-fit.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rows of the caption card whose text is measured. */
typedef enum
{
  ATLAS_CAPTION_PART_HEADER,   /* the date or kind of place, and the step */
  ATLAS_CAPTION_PART_TITLE,
  ATLAS_CAPTION_PART_TEXT,     /* the summary, all of it */
  ATLAS_CAPTION_PART_GEOPARK,
} AtlasCaptionPart;

/* How many lines @part's text takes set in @size pixels and wrapped at
 * @width pixels, and how tall they are (0 for a row with no text).
 */
typedef guint (*AtlasCaptionMeasure) (AtlasCaptionPart  part,
                                      double            size,
                                      double            width,
                                      double           *height,
                                      gpointer          user_data);

/* The card for one room, in pixels. */
typedef struct
{
  /* Where it stands: its width (padding included), and how far it keeps
   * from the room's start and bottom edges.
   */
  double width;
  double margin_side;
  double margin_bottom;
  double padding_x;
  double padding_y;
  double spacing;

  /* Its type */
  double small_size;          /* the header and the geopark */
  double title_size;
  double text_size;

  guint  title_lines;         /* all the title takes: it is never cut */
  guint  text_lines;          /* what the summary may take; 0 hides it */
  double height;              /* padding included */
} AtlasCaptionFit;

/* A rectangle of the room, in pixels from its top left corner. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} AtlasCaptionRect;

/* The room a map's framing leaves free on each side. */
typedef struct
{
  double top;
  double right;
  double bottom;
  double left;
} AtlasCaptionInsets;

void atlas_caption_fit        (double                  room_width,
                               double                  room_height,
                               double                  text_scale,
                               AtlasCaptionMeasure     measure,
                               gpointer                user_data,
                               AtlasCaptionFit        *fit);
void atlas_caption_fit_insets (double                  room_width,
                               double                  room_height,
                               const AtlasCaptionRect *card,
                               AtlasCaptionInsets     *insets);

G_END_DECLS
