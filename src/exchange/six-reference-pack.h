/* six-reference-pack.h — the pack of reference facts compiled into the program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-db.h"
#include "six-import.h"

G_BEGIN_DECLS

/* The fixed replica that writes the pack (exchange format §4). */
#define SIX_REFERENCE_PACK_REPLICA "reference"

/* Where the pack sits in the program's resources. */
#define SIX_REFERENCE_PACK_RESOURCE "/io/github/articlesix/ArticleSix/pack/reference-pack.a6.json"

GBytes     *six_reference_pack_get_bytes   (void);
const char *six_reference_pack_get_version (void);
gboolean    six_reference_pack_is_merged   (SixDb             *db,
                                            gboolean          *merged,
                                            GError           **error);
gboolean    six_reference_pack_merge       (SixDb             *db,
                                            gboolean           force,
                                            SixImportResult  **result,
                                            GError           **error);
gboolean    six_reference_pack_ensure      (SixDb             *db,
                                            GError           **error);

G_END_DECLS
