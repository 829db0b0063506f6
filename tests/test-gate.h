/* test-gate.h — holds a thread (the repository's worker, a reader) where a test wants it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean reached;  /* a thread is at the gate, not yet seen by test_gate_wait_reached () */
  gboolean open;
  GThread *thread;   /* the last thread that reached it */
} TestGate;

void     test_gate_init         (TestGate *gate);
void     test_gate_clear        (TestGate *gate);
void     test_gate_reach        (TestGate *gate);
void     test_gate_pass         (TestGate *gate);
GThread *test_gate_wait_reached (TestGate *gate);
void     test_gate_open         (TestGate *gate);

G_END_DECLS
