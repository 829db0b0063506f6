/* ui-fixture.h — what the UI tests share: the application around a test body, waiting,
 * and finding widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "six-application.h"
#include "six-record-form.h"
#include "six-repository-run.h"
#include "six-window.h"

typedef struct _Fixture Fixture;
typedef void (*TestBody) (Fixture *fixture);

struct _Fixture
{
  char           *dir;
  SixApplication *app;
  SixWindow      *window;
  TestBody        body;
};

void       fixture_set_up    (Fixture        *fixture,
                              gconstpointer   data);
void       fixture_tear_down (Fixture        *fixture,
                              gconstpointer   data);
/* Runs @body inside the application's main loop, once its window is up, then quits. */
void       run_in_app        (Fixture        *fixture,
                              TestBody        body);
/* Spin the main loop until @condition holds, failing after five seconds with the caller's
 * place in the source. */
void       wait_until_at     (gboolean      (*condition) (gpointer),
                              gpointer        data,
                              const char     *where);
#define wait_until(condition, data) wait_until_at ((condition), (data), G_STRLOC)
/* Spin the main loop until @repository has run, and reported, every job queued before. */
void       wait_for_repository (SixRepository *repository);
void       remove_dir        (const char     *path);
typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);
gboolean   ui_test_init      (int           *argc,
                              char        ***argv);
GtkWidget *find_matching     (GtkWidget      *root,
                              WidgetMatch     match,
                              gconstpointer   data);
GtkWidget *find_descendant   (GtkWidget      *root,
                              GType           type);
GtkWindow *find_toplevel     (GType           type);
GtkWidget *find_row_titled   (GtkWidget      *root,
                              const char     *title);
GtkWidget *find_by_id        (GtkWidget      *root,
                              const char     *id);
gboolean   is_button_with_icon (GtkWidget    *widget,
                                gconstpointer icon_name);
/* The live list's snapshot of a record, or NULL. */
SixRecord *stored            (SixRepository  *repository,
                              const char     *kind,
                              const char     *id);
gboolean   has_toplevel      (gpointer        type);
gboolean   has_message_dialog (gpointer       data);
/* Whether the main window shows a label starting with @prefix (a toast's, say). */
gboolean   window_shows      (gpointer        prefix);
/* Toasts show one at a time: dismiss the one showing, once it has settled, so that the next
 * shows now. */
void       dismiss_toast     (SixWindow      *window);
/* Waits until a toast starting with @prefix shows, dismissing the ones queued before it. */
void       wait_toast_at     (SixWindow      *window,
                              const char     *prefix,
                              const char     *where);
#define wait_toast(window, prefix) wait_toast_at ((window), (prefix), G_STRLOC)
/* For six_repository_apply_async (): stores the operation id in the gint64 at @user_data. */
void       applied_cb        (GObject        *object,
                              GAsyncResult   *result,
                              gpointer        user_data);
gboolean   nonzero           (gpointer        data);
char      *review_path       (const char     *name);
void       assert_screenshot (const char     *database,
                              const char     *png,
                              const char     *size,
                              const char     *open);
void       assert_screenshots (const char    *stem,
                               const char    *open);
void       save_widget_png   (GtkWidget      *widget,
                              const char     *path);
/* Answers the first export's "Who Is Sending?" and checks Preferences keeps the answer. */
void       answer_identity   (const char     *name,
                              const char     *organisation);
/* Runs @func on the repository's thread and waits: what a test writes behind the window's
 * back. Returns its result, which the caller owns. */
gpointer   run_on_repository (SixRepository  *repository,
                              SixRepositoryFunc func,
                              gpointer        data);
/* Imports a file into the window's database behind its back, as the command line would. */
void       import_quietly    (Fixture        *fixture,
                              const char     *path);
/* From main (): gettext reads our catalogs as the build made them, in the user's locale. */
void       ui_test_use_catalogs (void);
/* Runs @body with the window in @language ("fr", "es"). */
void       run_in_language   (Fixture        *fixture,
                              const char     *language,
                              TestBody        body);
/* Record forms: opened by an action, filled in, waited out. */
gboolean       no_form       (gpointer        data);
SixRecordForm *open_form     (gpointer        widget,
                              const char     *action);
void           type_into     (SixRecordForm  *form,
                              const char     *field,
                              const char     *text);
void           pick          (SixRecordForm  *form,
                              const char     *field,
                              const char     *label);
const char    *picked        (SixRecordForm  *form,
                              const char     *field);
