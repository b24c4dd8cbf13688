/* test-format.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <locale.h>

#include "atlas-format.h"

typedef char *(*FormatFunc) (double value, AtlasLanguage language);

static void
assert_formats (FormatFunc    func,
                double        value,
                const char   *vi,
                const char   *en)
{
  g_autofree char *in_vi = func (value, ATLAS_LANGUAGE_VI);
  g_autofree char *in_en = func (value, ATLAS_LANGUAGE_EN);

  g_assert_cmpstr (in_vi, ==, vi);
  g_assert_cmpstr (in_en, ==, en);
}

static void
assert_number (double      value,
               guint       decimals,
               const char *vi,
               const char *en)
{
  g_autofree char *in_vi = atlas_format_number (value, decimals, ATLAS_LANGUAGE_VI);
  g_autofree char *in_en = atlas_format_number (value, decimals, ATLAS_LANGUAGE_EN);

  g_assert_cmpstr (in_vi, ==, vi);
  g_assert_cmpstr (in_en, ==, en);
}

static void
test_number (void)
{
  assert_number (4760.5, 1, "4.760,5", "4,760.5");
  assert_number (0, 0, "0", "0");
  assert_number (0, 2, "0,00", "0.00");
  assert_number (999, 0, "999", "999");
  assert_number (1000, 0, "1.000", "1,000");
  assert_number (1234567.891, 2, "1.234.567,89", "1,234,567.89");
  assert_number (22.8564, 4, "22,8564", "22.8564");
  assert_number (106.722, 4, "106,7220", "106.7220");
  assert_number (-4760.5, 1, "-4.760,5", "-4,760.5");
}

static void
test_number_rounding (void)
{
  assert_number (2.5, 0, "3", "3");
  assert_number (-2.5, 0, "-3", "-3");
  assert_number (0.125, 2, "0,13", "0.13");
  assert_number (999.96, 1, "1.000,0", "1,000.0");
  assert_number (22.85645678, 4, "22,8565", "22.8565");

  /* What rounds to zero is zero, not "-0". */
  assert_number (-0.0, 0, "0", "0");
  assert_number (-0.4, 0, "0", "0");
  assert_number (-0.00004, 4, "0,0000", "0.0000");
}

/* The C library's locale plays no part: a comma locale changes nothing.
 * Without any comma locale installed there is nothing to show, and the
 * test says so rather than passing.
 */
static void
test_number_ignores_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "vi_VN.UTF-8", "fr_FR.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  guint n_tried = 0;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (setlocale (LC_NUMERIC, locales[i]) == NULL)
        continue;
      /* Only a locale whose decimal separator is a comma shows anything. */
      g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
      n_tried++;
      assert_number (4760.5, 1, "4.760,5", "4,760.5");
    }
  setlocale (LC_NUMERIC, saved);

  if (n_tried == 0)
    g_test_skip ("no comma locale (de_DE, vi_VN or fr_FR, UTF-8) is installed here");
}

static void
test_area (void)
{
  assert_formats (atlas_format_area, 2356, "2.356 km²", "2,356 km²");
  assert_formats (atlas_format_area, 4760.5, "4.760,5 km²", "4,760.5 km²");
  assert_formats (atlas_format_area, 4842.58, "4.842,58 km²", "4,842.58 km²");
  assert_formats (atlas_format_area, 3000, "3.000 km²", "3,000 km²");
  assert_formats (atlas_format_area, 12.3, "12,3 km²", "12.3 km²");
  assert_formats (atlas_format_area, 0.5, "0,5 km²", "0.5 km²");

  /* Beyond two decimals a figure is rounded, and whole again if it rounds so. */
  assert_formats (atlas_format_area, 2356.004, "2.356 km²", "2,356 km²");
  assert_formats (atlas_format_area, 2356.125, "2.356,13 km²", "2,356.13 km²");
}

static void
assert_coordinates (double      latitude,
                    double      longitude,
                    const char *vi,
                    const char *en)
{
  g_autofree char *in_vi = atlas_format_coordinates (latitude, longitude, ATLAS_LANGUAGE_VI);
  g_autofree char *in_en = atlas_format_coordinates (latitude, longitude, ATLAS_LANGUAGE_EN);

  g_assert_cmpstr (in_vi, ==, vi);
  g_assert_cmpstr (in_en, ==, en);
}

static void
test_coordinates (void)
{
  /* Thác Bản Giốc */
  assert_coordinates (22.8564, 106.722, "22,8564° N, 106,7220° E", "22.8564° N, 106.7220° E");
  assert_coordinates (22.845666, 106.7056951,
                      "22,8457° N, 106,7057° E", "22.8457° N, 106.7057° E");

  /* South and west take their letters, not a sign. */
  assert_coordinates (-33.8568, -70.6483, "33,8568° S, 70,6483° W", "33.8568° S, 70.6483° W");
  assert_coordinates (51.5, -0.1276, "51,5000° N, 0,1276° W", "51.5000° N, 0.1276° W");

  /* Zero, even rounded from below, is north and east. */
  assert_coordinates (0, 0, "0,0000° N, 0,0000° E", "0.0000° N, 0.0000° E");
  assert_coordinates (-0.00001, -0.00004, "0,0000° N, 0,0000° E", "0.0000° N, 0.0000° E");
  assert_coordinates (-90, 180, "90,0000° S, 180,0000° E", "90.0000° S, 180.0000° E");
}

static void
test_precision (void)
{
  assert_formats (atlas_format_precision, 300, "± 300 m", "± 300 m");
  assert_formats (atlas_format_precision, 0, "± 0 m", "± 0 m");
  assert_formats (atlas_format_precision, 999.4, "± 999 m", "± 999 m");
  assert_formats (atlas_format_precision, 999.6, "± 1 km", "± 1 km");
  assert_formats (atlas_format_precision, 1000, "± 1 km", "± 1 km");
  assert_formats (atlas_format_precision, 1500, "± 1,5 km", "± 1.5 km");
  assert_formats (atlas_format_precision, 1549, "± 1,5 km", "± 1.5 km");
  assert_formats (atlas_format_precision, 1960, "± 2 km", "± 2 km");
  assert_formats (atlas_format_precision, 20000, "± 20 km", "± 20 km");
  assert_formats (atlas_format_precision, 1250000, "± 1.250 km", "± 1,250 km");
}

static void
assert_date (int                 year,
             int                 month,
             int                 day,
             AtlasDatePrecision  precision,
             const char         *vi,
             const char         *en)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  g_autofree char *in_vi = atlas_format_date (date, precision, ATLAS_LANGUAGE_VI);
  g_autofree char *in_en = atlas_format_date (date, precision, ATLAS_LANGUAGE_EN);

  g_assert_cmpstr (in_vi, ==, vi);
  g_assert_cmpstr (in_en, ==, en);
}

static void
test_date (void)
{
  assert_date (2025, 6, 29, ATLAS_DATE_PRECISION_DAY, "29/6/2025", "29 June 2025");
  assert_date (2025, 6, 29, ATLAS_DATE_PRECISION_MONTH, "tháng 6/2025", "June 2025");
  assert_date (2025, 6, 29, ATLAS_DATE_PRECISION_YEAR, "năm 2025", "2025");
  assert_date (2025, 2, 5, ATLAS_DATE_PRECISION_APPROXIMATE,
               "khoảng tháng 2/2025", "around February 2025");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/number", test_number);
  g_test_add_func ("/format/number-rounding", test_number_rounding);
  g_test_add_func ("/format/number-ignores-locale", test_number_ignores_locale);
  g_test_add_func ("/format/area", test_area);
  g_test_add_func ("/format/coordinates", test_coordinates);
  g_test_add_func ("/format/precision", test_precision);
  g_test_add_func ("/format/date", test_date);

  return g_test_run ();
}
