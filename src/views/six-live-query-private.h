/* six-live-query-private.h — making a live query: what it reads, on the repository's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "six-live-query.h"
#include "six-repository-run.h"

G_BEGIN_DECLS

/* @func returns a GObject snapshot (a new reference), or NULL with its error set. */
SixLiveQuery *six_live_query_new          (SixRepository      *repository,
                                           const char * const *kind_names,
                                           SixRepositoryFunc   func);
void          six_live_query_set_first_func (SixLiveQuery     *self,
                                           SixRepositoryFunc   first_func);

G_END_DECLS
