/* six-exchange-page.h — the conflict log, with its restore, and the files received and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_EXCHANGE_PAGE (six_exchange_page_get_type ())

G_DECLARE_FINAL_TYPE (SixExchangePage, six_exchange_page, SIX, EXCHANGE_PAGE, GtkWidget)

void        six_exchange_page_set_repository (SixExchangePage *self,
                                              SixRepository   *repository);
void        six_exchange_page_reload         (SixExchangePage *self);
const char *six_exchange_page_get_state      (SixExchangePage *self);

G_END_DECLS
