/* atlas-format.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
