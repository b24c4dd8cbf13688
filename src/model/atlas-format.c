/* atlas-format.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-format.h"

/* Dates in the content's language, by our own rules rather than the C
 * library's: LC_TIME follows the system, not the language chosen in the app,
 * and a vi_VN locale is often not installed.
 *
 *   vi: 29/6/2025, tháng 6/2025, năm 2025, khoảng tháng 2/2025
 *   en: 29 June 2025, June 2025, 2025, around February 2025
 */

static const char *english_months[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

static char *
format_vietnamese (const GDate        *date,
                   AtlasDatePrecision  precision)
{
  guint day = g_date_get_day (date);
  guint month = g_date_get_month (date);
  guint year = g_date_get_year (date);

  switch (precision)
    {
    case ATLAS_DATE_PRECISION_DAY:
      return g_strdup_printf ("%u/%u/%u", day, month, year);

    case ATLAS_DATE_PRECISION_MONTH:
      return g_strdup_printf ("tháng %u/%u", month, year);

    case ATLAS_DATE_PRECISION_YEAR:
      return g_strdup_printf ("năm %u", year);

    case ATLAS_DATE_PRECISION_APPROXIMATE:
      return g_strdup_printf ("khoảng tháng %u/%u", month, year);

    case ATLAS_N_DATE_PRECISIONS:
    default:
      g_assert_not_reached ();
    }
}

static char *
format_english (const GDate        *date,
                AtlasDatePrecision  precision)
{
  guint day = g_date_get_day (date);
  const char *month = english_months[g_date_get_month (date)];
  guint year = g_date_get_year (date);

  switch (precision)
    {
    case ATLAS_DATE_PRECISION_DAY:
      return g_strdup_printf ("%u %s %u", day, month, year);

    case ATLAS_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%s %u", month, year);

    case ATLAS_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%u", year);

    case ATLAS_DATE_PRECISION_APPROXIMATE:
      return g_strdup_printf ("around %s %u", month, year);

    case ATLAS_N_DATE_PRECISIONS:
    default:
      g_assert_not_reached ();
    }
}

/* An approximate date is shown to the month only: its day was never known. */
char *
atlas_format_date (const GDate        *date,
                   AtlasDatePrecision  precision,
                   AtlasLanguage       language)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (precision < ATLAS_N_DATE_PRECISIONS, NULL);

  if (language == ATLAS_LANGUAGE_VI)
    return format_vietnamese (date, precision);

  return format_english (date, precision);
}

/* Numbers the same way, and for the same reason: LC_NUMERIC may well be C.
 *
 *   vi: 4.760,5   en: 4,760.5
 */

#define MAX_DECIMALS 9

static const char *
decimal_mark (AtlasLanguage language)
{
  return language == ATLAS_LANGUAGE_VI ? "," : ".";
}

static const char *
group_mark (AtlasLanguage language)
{
  return language == ATLAS_LANGUAGE_VI ? "." : ",";
}

static void
append_grouped (GString       *string,
                guint64        integer,
                AtlasLanguage  language)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, integer);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (string, group_mark (language));
      g_string_append_c (string, digits[i]);
    }
}

/* Always `decimals` digits after the mark, rounded half away from zero. */
char *
atlas_format_number (double        value,
                     guint         decimals,
                     AtlasLanguage language)
{
  GString *string;
  guint64 scale = 1;
  guint64 units;

  g_return_val_if_fail (decimals <= MAX_DECIMALS, NULL);
  g_return_val_if_fail (isfinite (value) && fabs (value) < 1e9, NULL);

  string = g_string_new (NULL);
  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  units = (guint64) round (fabs (value) * scale);

  /* What rounds to zero has no sign: never "-0". */
  if (value < 0 && units > 0)
    g_string_append_c (string, '-');
  append_grouped (string, units / scale, language);
  if (decimals > 0)
    g_string_append_printf (string, "%s%0*" G_GUINT64_FORMAT,
                            decimal_mark (language), (int) decimals, units % scale);

  return g_string_free (string, FALSE);
}

/* The fewest decimals, up to `max_decimals`, that still show `value` as
 * precisely as `max_decimals` would: 2356, 4760.5, 4842.58.
 */
static guint
needed_decimals (double value,
                 guint  max_decimals)
{
  double scale = pow (10, max_decimals);
  double units = round (fabs (value) * scale);
  guint decimals = max_decimals;

  while (decimals > 0 && fmod (units, 10) == 0)
    {
      units /= 10;
      decimals--;
    }

  return decimals;
}

char *
atlas_format_area (double        km2,
                   AtlasLanguage language)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (isfinite (km2) && km2 >= 0, NULL);

  number = atlas_format_number (km2, needed_decimals (km2, 2), language);

  return g_strdup_printf ("%s km²", number);
}

#define COORDINATE_DECIMALS 4

/* "22.8564° N": the hemisphere says the sign; a value that rounds to zero
 * is on the equator (or meridian) and takes the positive letter.
 */
static char *
format_degrees (double         value,
                const char    *positive,
                const char    *negative,
                AtlasLanguage  language)
{
  g_autofree char *number = atlas_format_number (fabs (value), COORDINATE_DECIMALS, language);
  gboolean is_negative = round (value * pow (10, COORDINATE_DECIMALS)) < 0;

  return g_strdup_printf ("%s° %s", number, is_negative ? negative : positive);
}

/* Letters rather than signs, as maps print them; the same in both languages. */
char *
atlas_format_coordinates (double        latitude,
                          double        longitude,
                          AtlasLanguage language)
{
  g_autofree char *lat = NULL;
  g_autofree char *lon = NULL;

  g_return_val_if_fail (latitude >= -90 && latitude <= 90, NULL);
  g_return_val_if_fail (longitude >= -180 && longitude <= 180, NULL);

  lat = format_degrees (latitude, "N", "S", language);
  lon = format_degrees (longitude, "E", "W", language);

  return g_strdup_printf ("%s, %s", lat, lon);
}

/* "± 300 m" below a kilometre, "± 1.5 km" from there on. */
char *
atlas_format_precision (double        metres,
                        AtlasLanguage language)
{
  double km = metres / 1000;
  g_autofree char *number = NULL;

  g_return_val_if_fail (isfinite (metres) && metres >= 0, NULL);

  if (round (metres) < 1000)
    {
      number = atlas_format_number (metres, 0, language);
      return g_strdup_printf ("± %s m", number);
    }

  number = atlas_format_number (km, needed_decimals (km, 1), language);

  return g_strdup_printf ("± %s km", number);
}
