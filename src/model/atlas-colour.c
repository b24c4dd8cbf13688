/* atlas-colour.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-colour"

#include "config.h"

#include "atlas-colour.h"

static double
read_channel (const char *digits)
{
  return (g_ascii_xdigit_value (digits[0]) * 16 + g_ascii_xdigit_value (digits[1])) / 255.0;
}

/*
 * atlas_colour_parse:
 * @colour: (out): where the colour goes; left alone when @string is not one
 * @string: a colour of the form "#rrggbb", in either case
 *
 * Only the one form the dataset's schema allows: no names, no "#rgb", no
 * alpha, no "rgb(…)", so that a file that passes here passes the schema too.
 *
 * Returns: whether @string was a colour of that form
 */
gboolean
atlas_colour_parse (AtlasColour *colour,
                    const char  *string)
{
  g_return_val_if_fail (colour != NULL, FALSE);
  g_return_val_if_fail (string != NULL, FALSE);

  if (string[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (string[i]))
        return FALSE;
    }

  if (string[7] != '\0')
    return FALSE;

  colour->red = read_channel (string + 1);
  colour->green = read_channel (string + 3);
  colour->blue = read_channel (string + 5);

  return TRUE;
}
