/* test-gate.c — holds a thread (the repository's worker, a reader) where a test wants it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-gate.h"

/* A safety net for a test that would otherwise hang: no test waits for time to pass. */
#define GATE_TIMEOUT_S 120

void
test_gate_init (TestGate *gate)
{
  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);
  gate->reached = FALSE;
  gate->open = FALSE;
  gate->thread = NULL;
}

void
test_gate_clear (TestGate *gate)
{
  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
}

/* On the thread the test waits for: it is there, and goes on. */
void
test_gate_reach (TestGate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->reached = TRUE;
  gate->thread = g_thread_self ();
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

/* On the thread to hold: it is there, and waits until the test opens the gate. */
void
test_gate_pass (TestGate *gate)
{
  test_gate_reach (gate);
  g_mutex_lock (&gate->mutex);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
}

/* Blocks until a thread has reached the gate, and returns that thread. */
GThread *
test_gate_wait_reached (TestGate *gate)
{
  gint64 deadline = g_get_monotonic_time () + GATE_TIMEOUT_S * G_TIME_SPAN_SECOND;
  GThread *thread;

  g_mutex_lock (&gate->mutex);
  while (!gate->reached)
    if (!g_cond_wait_until (&gate->cond, &gate->mutex, deadline))
      g_error ("nothing reached the gate after %d seconds", GATE_TIMEOUT_S);
  gate->reached = FALSE;
  thread = gate->thread;
  g_mutex_unlock (&gate->mutex);

  return thread;
}

void
test_gate_open (TestGate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}
