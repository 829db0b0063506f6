/* six-fact-expander.h — a fact that folds out the lines under it (an obligation's dates)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-fact.h"

G_BEGIN_DECLS

#define SIX_TYPE_FACT_EXPANDER (six_fact_expander_get_type ())

G_DECLARE_FINAL_TYPE (SixFactExpander, six_fact_expander, SIX, FACT_EXPANDER, AdwExpanderRow)

GtkWidget *six_fact_expander_new      (SixFact         *fact);
SixFact   *six_fact_expander_get_fact (SixFactExpander *self);

G_END_DECLS
