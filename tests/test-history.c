/* test-history.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include "atlas-history-private.h"

static void
assert_state (AtlasHistory *history,
              const char   *current,
              gboolean      can_go_back,
              gboolean      can_go_forward)
{
  g_autofree char *current_property = NULL;
  gboolean back_property, forward_property;

  g_assert_cmpstr (atlas_history_get_current (history), ==, current);
  g_assert_cmpint (atlas_history_can_go_back (history), ==, can_go_back);
  g_assert_cmpint (atlas_history_can_go_forward (history), ==, can_go_forward);

  g_object_get (history,
                "current", &current_property,
                "can-go-back", &back_property,
                "can-go-forward", &forward_property,
                NULL);
  g_assert_cmpstr (current_property, ==, current);
  g_assert_cmpint (back_property, ==, can_go_back);
  g_assert_cmpint (forward_property, ==, can_go_forward);
}

static void
test_empty (void)
{
  g_autoptr(AtlasHistory) history = atlas_history_new ();

  assert_state (history, NULL, FALSE, FALSE);
  g_assert_null (atlas_history_go_back (history));
  g_assert_null (atlas_history_go_forward (history));
  assert_state (history, NULL, FALSE, FALSE);
}

static void
test_back_and_forward (void)
{
  g_autoptr(AtlasHistory) history = atlas_history_new ();

  atlas_history_push (history, "caobang");
  assert_state (history, "caobang", FALSE, FALSE);
  atlas_history_push (history, "cb-01");
  atlas_history_push (history, "2025-06-02-lang-son-certificate-paris");
  assert_state (history, "2025-06-02-lang-son-certificate-paris", TRUE, FALSE);

  g_assert_cmpstr (atlas_history_go_back (history), ==, "cb-01");
  assert_state (history, "cb-01", TRUE, TRUE);
  g_assert_cmpstr (atlas_history_go_back (history), ==, "caobang");
  assert_state (history, "caobang", FALSE, TRUE);
  g_assert_null (atlas_history_go_back (history));
  assert_state (history, "caobang", FALSE, TRUE);

  g_assert_cmpstr (atlas_history_go_forward (history), ==, "cb-01");
  g_assert_cmpstr (atlas_history_go_forward (history), ==,
                   "2025-06-02-lang-son-certificate-paris");
  g_assert_null (atlas_history_go_forward (history));
  assert_state (history, "2025-06-02-lang-son-certificate-paris", TRUE, FALSE);
}

/* Opening something after going back forgets what was ahead. */
static void
test_push_drops_forward (void)
{
  g_autoptr(AtlasHistory) history = atlas_history_new ();

  atlas_history_push (history, "a");
  atlas_history_push (history, "b");
  atlas_history_push (history, "c");
  atlas_history_go_back (history);
  atlas_history_go_back (history);
  assert_state (history, "a", FALSE, TRUE);

  atlas_history_push (history, "d");
  assert_state (history, "d", TRUE, FALSE);
  g_assert_cmpstr (atlas_history_go_back (history), ==, "a");
  g_assert_null (atlas_history_go_back (history));
  g_assert_cmpstr (atlas_history_go_forward (history), ==, "d");
}

/* Opening what is shown again is no step, and keeps what is ahead. */
static void
test_push_current (void)
{
  g_autoptr(AtlasHistory) history = atlas_history_new ();

  atlas_history_push (history, "a");
  atlas_history_push (history, "a");
  assert_state (history, "a", FALSE, FALSE);

  atlas_history_push (history, "b");
  atlas_history_go_back (history);
  atlas_history_push (history, "a");
  assert_state (history, "a", FALSE, TRUE);
  g_assert_cmpstr (atlas_history_go_forward (history), ==, "b");

  /* Not the current one: an entry like any other. */
  atlas_history_push (history, "a");
  assert_state (history, "a", TRUE, FALSE);
  g_assert_cmpstr (atlas_history_go_back (history), ==, "b");
  g_assert_cmpstr (atlas_history_go_back (history), ==, "a");
  g_assert_null (atlas_history_go_back (history));
}

/* The last 100 are kept. */
static void
test_limit (void)
{
  g_autoptr(AtlasHistory) history = atlas_history_new ();
  guint n_back = 0;

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%u", i);

      atlas_history_push (history, id);
    }
  assert_state (history, "item-149", TRUE, FALSE);

  while (atlas_history_go_back (history) != NULL)
    n_back++;
  g_assert_cmpuint (n_back, ==, 99);
  assert_state (history, "item-50", FALSE, TRUE);

  /* Dropping the forward entries makes room again. */
  atlas_history_push (history, "again");
  assert_state (history, "again", TRUE, FALSE);
  g_assert_cmpstr (atlas_history_go_back (history), ==, "item-50");
}

static void
test_clear (void)
{
  g_autoptr(AtlasHistory) history = atlas_history_new ();

  atlas_history_push (history, "a");
  atlas_history_push (history, "b");
  atlas_history_go_back (history);
  _atlas_history_clear (history);
  assert_state (history, NULL, FALSE, FALSE);

  atlas_history_push (history, "c");
  assert_state (history, "c", FALSE, FALSE);
}

typedef struct
{
  guint current;
  guint can_go_back;
  guint can_go_forward;
} Notified;

static void
on_notify (AtlasHistory *history,
           GParamSpec   *pspec,
           Notified     *notified)
{
  if (g_str_equal (pspec->name, "current"))
    notified->current++;
  else if (g_str_equal (pspec->name, "can-go-back"))
    notified->can_go_back++;
  else if (g_str_equal (pspec->name, "can-go-forward"))
    notified->can_go_forward++;
  else
    g_assert_not_reached ();
}

static void
assert_notified (Notified *notified,
                 guint     current,
                 guint     can_go_back,
                 guint     can_go_forward)
{
  g_assert_cmpuint (notified->current, ==, current);
  g_assert_cmpuint (notified->can_go_back, ==, can_go_back);
  g_assert_cmpuint (notified->can_go_forward, ==, can_go_forward);
  *notified = (Notified) { 0, };
}

/* Each property is notified once when it changes, and only then. */
static void
test_notify (void)
{
  g_autoptr(AtlasHistory) history = atlas_history_new ();
  Notified notified = { 0, };

  g_signal_connect (history, "notify", G_CALLBACK (on_notify), &notified);

  atlas_history_push (history, "a");
  assert_notified (&notified, 1, 0, 0);
  atlas_history_push (history, "a");
  assert_notified (&notified, 0, 0, 0);
  atlas_history_push (history, "b");
  assert_notified (&notified, 1, 1, 0);
  atlas_history_push (history, "c");
  assert_notified (&notified, 1, 0, 0);

  atlas_history_go_back (history);
  assert_notified (&notified, 1, 0, 1);
  atlas_history_go_back (history);
  assert_notified (&notified, 1, 1, 0);
  atlas_history_go_back (history);
  assert_notified (&notified, 0, 0, 0);
  atlas_history_go_forward (history);
  assert_notified (&notified, 1, 1, 0);

  atlas_history_push (history, "d");
  assert_notified (&notified, 1, 0, 1);

  _atlas_history_clear (history);
  assert_notified (&notified, 1, 1, 0);
  _atlas_history_clear (history);
  assert_notified (&notified, 0, 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/empty", test_empty);
  g_test_add_func ("/history/back-and-forward", test_back_and_forward);
  g_test_add_func ("/history/push-drops-forward", test_push_drops_forward);
  g_test_add_func ("/history/push-current", test_push_current);
  g_test_add_func ("/history/limit", test_limit);
  g_test_add_func ("/history/clear", test_clear);
  g_test_add_func ("/history/notify", test_notify);

  return g_test_run ();
}
