/* atlas-caption-fit.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-caption-fit"

#include "config.h"

#include <math.h>

#include "atlas-caption-fit.h"

/* The caption card's sums: how large its type, how wide and tall the card
 * for a room from a 1024×768 projector to a 4K screen, and which side of
 * the map it leaves to the place the map frames.
 *
 * Everything is a fraction of the room, so that the card takes the same
 * share of every screen. The room's size in one number is its height, or
 * what its width allows on a screen narrower than 4:3.
 *
 * A title is never cut: its type shrinks step by step down to a floor that
 * still reads from the back of a room, then the card grows, wider and then
 * taller. The summary takes the lines left in the card's usual area, and
 * none if the title needs them all.
 */

#define TITLE_LARGEST    (1.0 / 19)
#define TITLE_FLOOR      (1.0 / 28)  /* the smallest the back of a room reads */
#define TITLE_STEP       0.9
#define TITLE_LINES      3           /* before the type shrinks */
#define TEXT_SIZE        (1.0 / 34)
#define SMALL_SIZE       (1.0 / 38)
#define TEXT_LINES_MIN   2           /* fewer say too little to show */
#define TEXT_LINES_MAX   5

#define CARD_WIDTH       0.42        /* of the room's width */
#define CARD_WIDTH_MAX   0.75        /* of its size, on a very wide screen */
#define CARD_WIDTH_GROWN 0.6         /* of its width, for a title at the floor */
#define WIDEN_STEP       0.1         /* of the grown width, a step at a time */
#define CARD_HEIGHT      0.42        /* of its height, at the usual width */

#define PADDING_X        (1.0 / 24)
#define PADDING_Y        (1.0 / 32)
#define MARGIN_SIDE      (1.0 / 16)
#define MARGIN_BOTTOM    (1.0 / 12)
#define SPACING          (1.0 / 96)

static double
room_size (double width,
           double height)
{
  return MIN (height, width * 3.0 / 4.0);
}

/* The title's type, from its largest down to the floor, until the title
 * takes no more than TITLE_LINES; at the floor, the card widens as far as
 * CARD_WIDTH_GROWN; and then the title takes as many lines as it needs.
 */
static void
fit_title (AtlasCaptionFit     *fit,
           double               unit,
           double               text_scale,
           double               widest,
           AtlasCaptionMeasure  measure,
           gpointer             user_data,
           double              *height)
{
  double floor_size = unit * TITLE_FLOOR * text_scale;

  fit->title_size = unit * TITLE_LARGEST * text_scale;
  for (;;)
    {
      fit->title_lines = measure (ATLAS_CAPTION_PART_TITLE, fit->title_size,
                                  fit->width - 2 * fit->padding_x, height, user_data);
      if (fit->title_lines <= TITLE_LINES)
        break;
      if (fit->title_size > floor_size)
        fit->title_size = MAX (fit->title_size * TITLE_STEP, floor_size);
      else if (fit->width < widest)
        fit->width = MIN (floor (fit->width + widest * WIDEN_STEP), widest);
      else
        break;
    }
}

/* @fit for a room of @room_width × @room_height pixels, with the
 * presenter's larger or smaller type (1 for the card's own), measuring the
 * card's text with @measure.
 */
void
atlas_caption_fit (double               room_width,
                   double               room_height,
                   double               text_scale,
                   AtlasCaptionMeasure  measure,
                   gpointer             user_data,
                   AtlasCaptionFit     *fit)
{
  double unit, widest, usual_area, inner, room_left;
  double header_height, title_height, geopark_height, text_height;
  guint rows, text_lines;

  g_return_if_fail (room_width > 0 && room_height > 0);
  g_return_if_fail (text_scale > 0);
  g_return_if_fail (measure != NULL);
  g_return_if_fail (fit != NULL);

  /* Whole pixels, as the card's widgets are laid out. */
  unit = room_size (room_width, room_height);
  fit->margin_side = round (unit * MARGIN_SIDE);
  fit->margin_bottom = round (unit * MARGIN_BOTTOM);
  fit->padding_x = round (unit * PADDING_X);
  fit->padding_y = round (unit * PADDING_Y);
  fit->spacing = round (unit * SPACING);
  fit->width = MIN (room_width * CARD_WIDTH, unit * CARD_WIDTH_MAX) * text_scale;
  fit->width = floor (MAX (MIN (fit->width, room_width - 2 * fit->margin_side),
                           2 * fit->padding_x + 1));
  widest = floor (MAX (MIN (room_width * CARD_WIDTH_GROWN, room_width - 2 * fit->margin_side),
                       fit->width));
  usual_area = fit->width * room_height * CARD_HEIGHT;
  fit->small_size = unit * SMALL_SIZE * text_scale;
  fit->text_size = unit * TEXT_SIZE * text_scale;

  fit_title (fit, unit, text_scale, widest, measure, user_data, &title_height);
  inner = fit->width - 2 * fit->padding_x;
  rows = (measure (ATLAS_CAPTION_PART_HEADER, fit->small_size, inner, &header_height,
                   user_data) > 0) +
         (fit->title_lines > 0) +
         (measure (ATLAS_CAPTION_PART_GEOPARK, fit->small_size, inner, &geopark_height,
                   user_data) > 0);
  fit->height = 2 * fit->padding_y + header_height + title_height + geopark_height +
                fit->spacing * (MAX (rows, 1) - 1);

  /* The summary, whole if it fits in the card's usual area (a card grown
   * wider for its title is that much shorter), else cut at the end, or
   * left out rather than shown as a line or less.
   */
  fit->text_lines = 0;
  text_lines = measure (ATLAS_CAPTION_PART_TEXT, fit->text_size, inner, &text_height, user_data);
  room_left = usual_area / fit->width - fit->height - fit->spacing;
  if (text_lines > 0 && room_left > 0)
    {
      double line_height = text_height / text_lines;

      fit->text_lines = MIN (MIN ((guint) floor (room_left / line_height), text_lines),
                             TEXT_LINES_MAX);
      if (fit->text_lines < MIN (TEXT_LINES_MIN, text_lines))
        fit->text_lines = 0;
      if (fit->text_lines > 0)
        fit->height += fit->spacing + fit->text_lines * line_height;
    }
}

/* The side of the room where the card leaves the map more room: beside it
 * or above it. The map frames its place in the rest.
 */
void
atlas_caption_fit_insets (double                  room_width,
                          double                  room_height,
                          const AtlasCaptionRect *card,
                          AtlasCaptionInsets     *insets)
{
  double beside, above;

  g_return_if_fail (card != NULL);
  g_return_if_fail (insets != NULL);

  *insets = (AtlasCaptionInsets) { 0, 0, 0, 0 };
  beside = MAX (room_width - card->x - card->width, 0) * room_height;
  above = room_width * MAX (card->y, 0);
  if (beside > above)
    insets->left = card->x + card->width;
  else
    insets->bottom = room_height - card->y;
}
