/* test-colour.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-colour"

#include "config.h"

#include "atlas-colour.h"

static void
test_parse_channels (void)
{
  AtlasColour colour = { 0, };

  g_assert_true (atlas_colour_parse (&colour, "#ff8000"));
  g_assert_cmpfloat (colour.red, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (colour.green, 128 / 255.0, 1e-12);
  g_assert_cmpfloat (colour.blue, ==, 0.0);

  g_assert_true (atlas_colour_parse (&colour, "#0A1b2C"));
  g_assert_cmpfloat_with_epsilon (colour.red, 0x0a / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (colour.green, 0x1b / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (colour.blue, 0x2c / 255.0, 1e-12);
}

static void
test_parse_rejects (void)
{
  static const char *bad[] = {
    "", "#", "red", "ff8000", "#f80", "#ff800", "#ff80000", "#ff8000ff",
    "#gg8000", "#ff 800", " #ff8000", "#ff8000 ", "rgb(255,128,0)", "##ff800",
  };
  AtlasColour colour = { 0.25, 0.5, 0.75 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (atlas_colour_parse (&colour, bad[i]));
    }

  /* A string that is not a colour leaves the colour alone. */
  g_assert_cmpfloat (colour.red, ==, 0.25);
  g_assert_cmpfloat (colour.green, ==, 0.5);
  g_assert_cmpfloat (colour.blue, ==, 0.75);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/colour/parse/channels", test_parse_channels);
  g_test_add_func ("/colour/parse/rejects", test_parse_rejects);

  return g_test_run ();
}
