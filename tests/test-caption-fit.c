/* test-caption-fit.c: the caption card's sums, with text of known lengths.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-caption-fit"

#include "config.h"

#include <math.h>

#include "atlas-caption-fit.h"

/* Text as a number of characters each as wide as half the type's size, in
 * lines 1.2 times the size: enough of a font for the sums.
 */
typedef struct
{
  guint header;
  guint title;
  guint text;
  guint geopark;
} Lengths;

static guint
measure (AtlasCaptionPart  part,
         double            size,
         double            width,
         double           *height,
         gpointer          user_data)
{
  const Lengths *lengths = user_data;
  guint per_line = MAX ((guint) floor (width / (size * 0.5)), 1);
  guint length = 0;
  guint lines;

  switch (part)
    {
    case ATLAS_CAPTION_PART_HEADER:
      length = lengths->header;
      break;
    case ATLAS_CAPTION_PART_TITLE:
      length = lengths->title;
      break;
    case ATLAS_CAPTION_PART_TEXT:
      length = lengths->text;
      break;
    case ATLAS_CAPTION_PART_GEOPARK:
      length = lengths->geopark;
      break;
    default:
      g_assert_not_reached ();
    }

  lines = (length + per_line - 1) / per_line;
  *height = lines * size * 1.2;

  return lines;
}

static guint
title_lines (const AtlasCaptionFit *fit,
             const Lengths         *lengths)
{
  double height;

  return measure (ATLAS_CAPTION_PART_TITLE, fit->title_size, fit->width - 2 * fit->padding_x,
                  &height, (gpointer) lengths);
}

/* A short title at its largest, in a card of a fair share of the room, the
 * summary under it, the whole card within the room.
 */
static void
test_short_title (void)
{
  Lengths lengths = { 10, 14, 400, 18 };
  AtlasCaptionFit fit, floor_fit;
  Lengths long_title = { 10, 2000, 400, 18 };

  atlas_caption_fit (1024, 768, 1, measure, &lengths, &fit);
  g_assert_cmpfloat_with_epsilon (fit.title_size, 768.0 / 19, 1e-9);
  g_assert_cmpuint (fit.title_lines, ==, 1);
  g_assert_cmpuint (fit.title_lines, ==, title_lines (&fit, &lengths));
  g_assert_cmpfloat (fit.width, <=, 1024 * 0.42);
  g_assert_cmpfloat (fit.width, >=, 1024 * 0.4);
  g_assert_cmpuint (fit.text_lines, >=, 2);
  g_assert_cmpfloat (fit.height, <=, 768 * 0.42);
  g_assert_cmpfloat (fit.width * fit.height, <, 1024 * 768 * 0.2);
  g_assert_cmpfloat (fit.margin_side + fit.width, <, 1024);
  g_assert_cmpfloat (fit.margin_bottom + fit.height, <, 768);

  /* The title's type is always larger than the summary's, even at its
   * floor.
   */
  atlas_caption_fit (1024, 768, 1, measure, &long_title, &floor_fit);
  g_assert_cmpfloat (floor_fit.title_size, >, floor_fit.text_size);
  g_assert_cmpfloat (floor_fit.text_size, >, floor_fit.small_size);
}

/* A title too long for three lines at the largest type shrinks step by
 * step, and stops at the first size where it takes three.
 */
static void
test_title_shrinks (void)
{
  Lengths lengths = { 10, 60, 400, 18 };
  AtlasCaptionFit fit, larger;

  atlas_caption_fit (1024, 768, 1, measure, &lengths, &fit);
  g_assert_cmpfloat (fit.title_size, <, 768.0 / 19);
  g_assert_cmpfloat (fit.title_size, >, 768.0 / 28);
  g_assert_cmpuint (fit.title_lines, ==, 3);
  g_assert_cmpuint (fit.title_lines, ==, title_lines (&fit, &lengths));

  /* One step larger would have taken four. */
  larger = fit;
  larger.title_size = fit.title_size / 0.9;
  g_assert_cmpuint (title_lines (&larger, &lengths), >, 3);
}

/* The longest titles: at the floor the card widens, then takes as many
 * lines as the title needs; never fewer. The summary gives way.
 */
static void
test_title_never_cut (void)
{
  Lengths lengths = { 10, 180, 400, 0 };
  Lengths longer = { 10, 600, 400, 0 };
  AtlasCaptionFit fit;

  atlas_caption_fit (1024, 768, 1, measure, &lengths, &fit);
  g_assert_cmpfloat_with_epsilon (fit.title_size, 768.0 / 28, 1e-9);
  g_assert_cmpfloat (fit.width, >, 1024 * 0.42);
  g_assert_cmpfloat (fit.width, <=, 1024 * 0.6);
  g_assert_cmpuint (fit.title_lines, ==, title_lines (&fit, &lengths));
  g_assert_cmpuint (fit.title_lines * (fit.width - 2 * fit.padding_x) / (fit.title_size * 0.5),
                    >=, 180);

  atlas_caption_fit (1024, 768, 1, measure, &longer, &fit);
  g_assert_cmpfloat_with_epsilon (fit.title_size, 768.0 / 28, 1e-9);
  g_assert_cmpfloat_with_epsilon (fit.width, floor (1024 * 0.6), 1e-9);
  g_assert_cmpuint (fit.title_lines, ==, title_lines (&fit, &longer));
  g_assert_cmpuint (fit.title_lines, >, 3);
  g_assert_cmpuint (fit.text_lines, ==, 0);
  g_assert_cmpfloat (fit.height, >, 768 * 0.42);
}

/* The summary takes the lines left under the card's usual height: all of
 * a short one, a few of a long one, none rather than one.
 */
static void
test_summary_lines (void)
{
  Lengths short_text = { 10, 14, 30, 18 };
  Lengths long_text = { 10, 14, 4000, 18 };
  Lengths crowded = { 10, 110, 4000, 18 };
  AtlasCaptionFit fit;

  atlas_caption_fit (1280, 720, 1, measure, &short_text, &fit);
  g_assert_cmpuint (fit.text_lines, ==, 1);

  atlas_caption_fit (1280, 720, 1, measure, &long_text, &fit);
  g_assert_cmpuint (fit.text_lines, >=, 2);
  g_assert_cmpuint (fit.text_lines, <=, 5);
  g_assert_cmpfloat (fit.height, <=, 720 * 0.42);

  atlas_caption_fit (1280, 720, 1, measure, &crowded, &fit);
  g_assert_cmpuint (fit.text_lines, !=, 1);
}

/* The card is the same share of every room: twice the room, twice the
 * card and its type.
 */
static void
test_proportionate (void)
{
  Lengths lengths = { 10, 40, 400, 18 };
  AtlasCaptionFit small, large, wide;

  atlas_caption_fit (1024, 768, 1, measure, &lengths, &small);
  atlas_caption_fit (2048, 1536, 1, measure, &lengths, &large);
  g_assert_cmpfloat_with_epsilon (large.title_size, 2 * small.title_size, 1e-9);
  g_assert_cmpfloat_with_epsilon (large.text_size, 2 * small.text_size, 1e-9);
  g_assert_cmpfloat_with_epsilon (large.width, 2 * small.width, 2);
  g_assert_cmpfloat_with_epsilon (large.height, 2 * small.height, 0.05 * large.height);
  g_assert_cmpuint (large.title_lines, ==, small.title_lines);
  g_assert_cmpuint (large.text_lines, ==, small.text_lines);

  /* A very wide screen does not stretch the card across it. */
  atlas_caption_fit (2560, 768, 1, measure, &lengths, &wide);
  g_assert_cmpfloat (wide.width, <=, 768 * 0.75 + 1);
  g_assert_cmpfloat_with_epsilon (wide.title_size, small.title_size, 1e-9);
}

/* The presenter's larger type makes a larger card, still in the room. */
static void
test_text_scale (void)
{
  Lengths lengths = { 10, 40, 400, 18 };
  AtlasCaptionFit fit, larger;

  atlas_caption_fit (1024, 768, 1, measure, &lengths, &fit);
  atlas_caption_fit (1024, 768, 2, measure, &lengths, &larger);
  g_assert_cmpfloat (larger.text_size, ==, 2 * fit.text_size);
  g_assert_cmpfloat (larger.width, >, fit.width);
  g_assert_cmpfloat (larger.width + 2 * larger.margin_side, <=, 1024);
  g_assert_cmpuint (larger.title_lines, ==, title_lines (&larger, &lengths));
}

/* The map keeps the larger side: beside a narrow card, above a wide one. */
static void
test_insets (void)
{
  AtlasCaptionRect narrow = { 48, 400, 430, 300 };
  AtlasCaptionRect wide = { 48, 500, 900, 200 };
  AtlasCaptionInsets insets;

  atlas_caption_fit_insets (1024, 768, &narrow, &insets);
  g_assert_cmpfloat (insets.left, ==, 48 + 430);
  g_assert_cmpfloat (insets.bottom, ==, 0);
  g_assert_cmpfloat (insets.top, ==, 0);
  g_assert_cmpfloat (insets.right, ==, 0);

  atlas_caption_fit_insets (1024, 768, &wide, &insets);
  g_assert_cmpfloat (insets.left, ==, 0);
  g_assert_cmpfloat (insets.bottom, ==, 768 - 500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/caption-fit/short-title", test_short_title);
  g_test_add_func ("/caption-fit/title-shrinks", test_title_shrinks);
  g_test_add_func ("/caption-fit/title-never-cut", test_title_never_cut);
  g_test_add_func ("/caption-fit/summary-lines", test_summary_lines);
  g_test_add_func ("/caption-fit/proportionate", test_proportionate);
  g_test_add_func ("/caption-fit/text-scale", test_text_scale);
  g_test_add_func ("/caption-fit/insets", test_insets);

  return g_test_run ();
}
