/* six-search-page.h — results of the window's search across every record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_SEARCH_PAGE (six_search_page_get_type ())

G_DECLARE_FINAL_TYPE (SixSearchPage, six_search_page, SIX, SEARCH_PAGE, GtkWidget)

void        six_search_page_set_repository (SixSearchPage *self,
                                            SixRepository *repository);
void        six_search_page_set_query      (SixSearchPage *self,
                                            const char    *query);
GListModel *six_search_page_get_results    (SixSearchPage *self);
const char *six_search_page_get_state      (SixSearchPage *self);

G_END_DECLS
