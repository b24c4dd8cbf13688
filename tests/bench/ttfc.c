/* ttfc.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* execvpe, nftw */
#define _GNU_SOURCE

#define G_LOG_DOMAIN "ttfc"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#include "bench-stats.h"

/* Time to first content, as the X server sees it.
 *
 *   ttfc [--runs N] [--timeout SECONDS] [--keep-env] NAME=COMMAND...
 *
 * Starts each COMMAND in turn (round 0 is a warm-up and is not counted,
 * then N measured rounds, the programs interleaved in each round) and
 * prints, for each, the time from fork() until the X server holds the first
 * frame of its window that is not one uniform colour.
 *
 * - The window: the first window created on $DISPLAY after the fork that
 *   becomes mapped, is at least 200×200, and whose _NET_WM_PID is the
 *   started process or one of its descendants (a window without
 *   _NET_WM_PID counts too; the display is the benchmark's own). Created
 *   windows are seen through SubstructureNotify on the root, so a window
 *   manager reparenting them into frames makes no difference.
 * - A frame: whatever the server holds for the window's area of the screen
 *   after the client drew into it. XDamage reports every drawing into the
 *   window; after each report the window's visible area is read back from
 *   the root window (XGetImage) and compared pixel by pixel.
 * - Uniform: every pixel of that area has the same value. Before the client
 *   draws, the area shows the black root of Xvfb (uniform); a window filled
 *   with its background colour alone is uniform too.
 *
 * Each run gets a fresh HOME and fresh XDG_CONFIG_HOME, XDG_CACHE_HOME,
 * XDG_DATA_HOME, XDG_STATE_HOME and XDG_RUNTIME_DIR, removed afterwards; the
 * session bus and the display are shared. TTFC_DEBUG=1 in the environment
 * prints every X event and check with its time. Once the first content is seen,
 * the program's process group gets SIGTERM (SIGKILL 3 s later).
 */

typedef struct
{
  char    *name;
  char   **argv;
  GArray  *times;      /* first content, ms, measured rounds */
  GArray  *mapped;     /* window mapped, ms, measured rounds */
  guint    failures;
} Program;

typedef struct
{
  Display *display;
  Window   root;
  Atom     wm_pid;
  int      damage_event;
  int      width;
  int      height;
} Bench;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}


static double
median (GArray *samples)
{
  g_autoptr(GArray) sorted = g_array_copy (samples);
  guint n = sorted->len;

  g_array_sort (sorted, bench_compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);

  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
extreme (GArray  *samples,
         gboolean largest)
{
  double value = g_array_index (samples, double, 0);

  for (guint i = 1; i < samples->len; i++)
    {
      double x = g_array_index (samples, double, i);

      value = largest ? MAX (value, x) : MIN (value, x);
    }

  return value;
}

/* Is pid the started process, or started by it? */
static gboolean
descends_from (pid_t pid,
               pid_t ancestor)
{
  for (int depth = 0; pid > 1 && depth < 32; depth++)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
      g_autofree char *stat = NULL;
      const char *after_name;
      int parent;

      if (pid == ancestor)
        return TRUE;
      if (!g_file_get_contents (path, &stat, NULL, NULL) ||
          (after_name = strrchr (stat, ')')) == NULL ||
          sscanf (after_name, ") %*c %d", &parent) != 1)
        return FALSE;
      pid = parent;
    }

  return pid == ancestor;
}

/* TRUE, with *pid, when the window says which process it belongs to. */
static gboolean
window_pid (Bench  *bench,
            Window  window,
            pid_t  *pid)
{
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  gboolean found = FALSE;

  if (XGetWindowProperty (bench->display, window, bench->wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &after, &data) == Success &&
      type == XA_CARDINAL && format == 32 && n_items == 1)
    {
      *pid = (pid_t) *(unsigned long *) (void *) data;
      found = TRUE;
    }
  if (data != NULL)
    XFree (data);

  return found;
}

static int ignored_error_count;

/* Windows come and go while we look at them: a BadWindow is expected. */
static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  ignored_error_count++;
  return 0;
}

/* The window's area of the screen, clipped to the screen; FALSE if none. */
static gboolean
screen_area (Bench  *bench,
             Window  window,
             int    *x,
             int    *y,
             int    *width,
             int    *height)
{
  XWindowAttributes attributes;
  Window child;
  int x0, y0, x1, y1;

  if (!XGetWindowAttributes (bench->display, window, &attributes) ||
      attributes.map_state != IsViewable ||
      !XTranslateCoordinates (bench->display, window, bench->root, 0, 0, &x0, &y0, &child))
    return FALSE;

  x1 = MIN (x0 + attributes.width, bench->width);
  y1 = MIN (y0 + attributes.height, bench->height);
  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  *x = x0;
  *y = y0;
  *width = x1 - x0;
  *height = y1 - y0;
  return TRUE;
}

/* Does the screen show more than one colour where the window is? */
static gboolean
shows_content (Bench  *bench,
               Window  window)
{
  XImage *image;
  int x, y, width, height;
  unsigned long first;
  gboolean content = FALSE;

  if (!screen_area (bench, window, &x, &y, &width, &height))
    return FALSE;

  image = XGetImage (bench->display, bench->root, x, y, width, height, AllPlanes, ZPixmap);
  if (image == NULL)
    return FALSE;

  first = XGetPixel (image, 0, 0);
  for (int row = 0; row < height && !content; row++)
    {
      const guint32 *pixels = (const guint32 *) (const void *) (image->data + (gsize) row * image->bytes_per_line);

      /* The usual 24-bit visual, read as words; anything else pixel by pixel. */
      for (int column = 0; column < width && !content; column++)
        if (image->bits_per_pixel == 32 && image->depth == 24)
          content = (pixels[column] & 0xffffff) != (first & 0xffffff);
        else
          content = XGetPixel (image, column, row) != first;
    }

  XDestroyImage (image);
  return content;
}

/* Is this newly mapped window the one of the program started as pid? */
static gboolean
is_program_window (Bench  *bench,
                   Window  window,
                   pid_t   pid)
{
  XWindowAttributes attributes;
  pid_t owner;

  if (!XGetWindowAttributes (bench->display, window, &attributes) ||
      attributes.width < 200 || attributes.height < 200)
    return FALSE;

  return !window_pid (bench, window, &owner) || descends_from (owner, pid);
}

static void
make_private_dir (const char *path)
{
  if (g_mkdir_with_parents (path, 0700) != 0)
    g_error ("Cannot create %s: %s", path, g_strerror (errno));
}

static int
remove_entry (const char        *path,
              const struct stat *st,
              int                flag,
              struct FTW        *ftw)
{
  remove (path);
  return 0;
}

/* The environment of one run: a new home and new XDG folders in it. */
static char **
fresh_environment (const char *home,
                   gboolean    keep_env)
{
  static const struct { const char *variable; const char *folder; } folders[] = {
    { "XDG_CONFIG_HOME", ".config" },
    { "XDG_CACHE_HOME", ".cache" },
    { "XDG_DATA_HOME", ".local/share" },
    { "XDG_STATE_HOME", ".local/state" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (home, folders[i].folder, NULL);

      make_private_dir (path);
      if (!keep_env)
        env = g_environ_setenv (env, folders[i].variable, path, TRUE);
    }

  return env;
}

static pid_t
start (Program  *program,
       char    **env)
{
  pid_t pid = fork ();

  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      setpgid (0, 0);
      execvpe (program->argv[0], program->argv, env);
      fprintf (stderr, "ttfc: cannot run %s: %s\n", program->argv[0], strerror (errno));
      _exit (127);
    }

  setpgid (pid, pid);
  return pid;
}

/* Ends the program and everything in its process group. */
static void
stop (pid_t pid)
{
  double deadline = now_ms () + 3000;
  int status;

  kill (-pid, SIGTERM);
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (now_ms () > deadline)
        {
          kill (-pid, SIGKILL);
          waitpid (pid, &status, 0);
          break;
        }
      g_usleep (5000);
    }
  /* Whatever it left in its group. */
  kill (-pid, SIGKILL);
}

static void
drain_events (Bench *bench)
{
  XSync (bench->display, False);
  while (XPending (bench->display))
    {
      XEvent event;

      XNextEvent (bench->display, &event);
    }
}

static gboolean
wait_for_event (Bench  *bench,
                double  deadline)
{
  struct pollfd fd = { ConnectionNumber (bench->display), POLLIN, 0 };
  double left;

  if (XPending (bench->display))
    return TRUE;
  left = deadline - now_ms ();
  if (left <= 0)
    return FALSE;
  poll (&fd, 1, MIN ((int) left + 1, 50));
  return XPending (bench->display) > 0;
}

/* One run: milliseconds to first content, or a negative number. */
static double
measure (Bench      *bench,
         Program    *program,
         double      timeout_ms,
         gboolean    keep_env,
         double     *mapped_ms)
{
  g_autofree char *home = g_dir_make_tmp ("ttfc-home-XXXXXX", NULL);
  g_auto(GStrv) env = fresh_environment (home, keep_env);
  Window target = None;
  Damage damage = None;
  double start_time, deadline, result = -1;
  gboolean debug = g_getenv ("TTFC_DEBUG") != NULL;
  pid_t pid;

  *mapped_ms = -1;
  drain_events (bench);

  start_time = now_ms ();
  pid = start (program, env);
  deadline = start_time + timeout_ms;

  while (result < 0)
    {
      XEvent event;
      gboolean check = FALSE;
      double received;

      if (!wait_for_event (bench, deadline))
        {
          if (now_ms () > deadline || waitpid (pid, NULL, WNOHANG) == pid)
            break;
          continue;
        }

      XNextEvent (bench->display, &event);
      received = now_ms ();
      if (debug)
        g_printerr ("%8.1f event %d window 0x%lx\n", received - start_time, event.type,
                    event.xany.window);
      if (event.type == CreateNotify && target == None)
        {
          /* Its MapNotify comes to us wherever a window manager puts it. */
          XSelectInput (bench->display, event.xcreatewindow.window, StructureNotifyMask);
          XFlush (bench->display);
        }
      else if (event.type == MapNotify && target == None &&
               is_program_window (bench, event.xmap.window, pid))
        {
          *mapped_ms = received - start_time;
          target = event.xmap.window;
          damage = XDamageCreate (bench->display, target, XDamageReportNonEmpty);
          check = TRUE;
        }
      else if (event.type == bench->damage_event + XDamageNotify && target != None)
        {
          XDamageSubtract (bench->display, damage, None, None);
          check = TRUE;
        }

      /* The time reported is when the image came back: the content was
       * there by then, and not when the last uniform image was read.
       */
      if (check && shows_content (bench, target))
        result = now_ms () - start_time;
      if (check && debug)
        g_printerr ("%8.1f checked: %s\n", now_ms () - start_time,
                    result < 0 ? "uniform" : "content");
    }

  if (damage != None)
    XDamageDestroy (bench->display, damage);
  stop (pid);
  XSync (bench->display, False);
  nftw (home, remove_entry, 16, FTW_DEPTH | FTW_PHYS);

  return result;
}

static gboolean
parse_program (const char  *spec,
               Program     *program,
               GError     **error)
{
  const char *equals = strchr (spec, '=');

  if (equals == NULL || equals == spec)
    {
      g_set_error (error, G_SHELL_ERROR, G_SHELL_ERROR_FAILED,
                   "“%s” is not NAME=COMMAND", spec);
      return FALSE;
    }

  program->name = g_strndup (spec, equals - spec);
  program->times = g_array_new (FALSE, FALSE, sizeof (double));
  program->mapped = g_array_new (FALSE, FALSE, sizeof (double));
  return g_shell_parse_argv (equals + 1, NULL, &program->argv, error);
}

static void
print_summary (Program *programs,
               guint    n_programs)
{
  for (guint p = 0; p < n_programs; p++)
    {
      Program *program = &programs[p];

      if (program->times->len == 0)
        {
          g_print ("%-12s no successful run (%u failed)\n", program->name, program->failures);
          continue;
        }
      g_print ("%-12s runs %u  median %7.1f ms  min %7.1f ms  max %7.1f ms  "
               "(window mapped: median %7.1f ms)%s\n",
               program->name, program->times->len, median (program->times),
               extreme (program->times, FALSE), extreme (program->times, TRUE),
               median (program->mapped),
               program->failures > 0 ? "  SOME RUNS FAILED" : "");
    }

  /* The first program against the second, the floor. */
  if (n_programs >= 2 && programs[0].times->len > 0 && programs[1].times->len > 0)
    g_print ("ratio %s/%s: %.2f (medians)\n", programs[0].name, programs[1].name,
             median (programs[0].times) / median (programs[1].times));
}

static gboolean
open_display (Bench *bench)
{
  int error_base, major, minor;

  bench->display = XOpenDisplay (NULL);
  if (bench->display == NULL)
    {
      g_printerr ("ttfc: cannot open the display “%s”\n", g_getenv ("DISPLAY"));
      return FALSE;
    }
  if (!XDamageQueryExtension (bench->display, &bench->damage_event, &error_base) ||
      !XDamageQueryVersion (bench->display, &major, &minor))
    {
      g_printerr ("ttfc: the X server has no DAMAGE extension\n");
      return FALSE;
    }

  /* The programs started must not inherit our connection. */
  fcntl (ConnectionNumber (bench->display), F_SETFD, FD_CLOEXEC);
  XSetErrorHandler (ignore_x_error);
  bench->root = DefaultRootWindow (bench->display);
  bench->wm_pid = XInternAtom (bench->display, "_NET_WM_PID", False);
  bench->width = DisplayWidth (bench->display, DefaultScreen (bench->display));
  bench->height = DisplayHeight (bench->display, DefaultScreen (bench->display));
  XSelectInput (bench->display, bench->root, SubstructureNotifyMask);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 7;
  double timeout = 30;
  gboolean keep_env = FALSE;
  g_autofree char **specs = NULL;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Measured runs of each program (7)", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &timeout, "Give up on a run after (30)", "SECONDS" },
    { "keep-env", 0, 0, G_OPTION_ARG_NONE, &keep_env,
      "Keep the XDG_* variables (HOME is still fresh)", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &specs, NULL, "NAME=COMMAND…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time to first content");
  g_autoptr(GError) error = NULL;
  Program *programs;
  guint n_programs;
  Bench bench = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || specs == NULL || runs < 1)
    {
      g_printerr ("usage: ttfc [--runs N] [--timeout SECONDS] NAME=COMMAND…\n%s\n",
                  error != NULL ? error->message : "");
      return 2;
    }

  n_programs = g_strv_length (specs);
  programs = g_new0 (Program, n_programs);
  for (guint p = 0; p < n_programs; p++)
    if (!parse_program (specs[p], &programs[p], &error))
      {
        g_printerr ("ttfc: %s\n", error->message);
        return 2;
      }

  if (!open_display (&bench))
    return 1;

  /* Round 0 warms the page cache and the session's services: not counted. */
  for (int round = 0; round <= runs; round++)
    for (guint p = 0; p < n_programs; p++)
      {
        Program *program = &programs[p];
        double mapped;
        double ms = measure (&bench, program, timeout * 1000, keep_env, &mapped);

        g_print ("round %d%s  %-12s %s", round, round == 0 ? " (warm-up)" : "",
                 program->name, ms < 0 ? "FAILED" : "");
        if (ms >= 0)
          g_print ("first content %7.1f ms  (mapped %7.1f ms)", ms, mapped);
        g_print ("\n");

        /* Let the killed program's leftovers settle before the next one. */
        g_usleep (300 * 1000);

        if (round == 0)
          continue;
        if (ms < 0)
          program->failures++;
        else
          {
            g_array_append_val (program->times, ms);
            g_array_append_val (program->mapped, mapped);
          }
      }

  print_summary (programs, n_programs);
  XCloseDisplay (bench.display);
  return 0;
}
