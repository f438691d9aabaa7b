import * as vscode from 'vscode';

type Answer<T> = (items: T[], options?: vscode.QuickPickOptions) => T | T[] | undefined;

/**
 * Replaces the modal UI of `vscode.window` (QuickPick, InputBox, file dialogs, messages) with
 * scripted answers, and records error messages so a command that fails inside its own error
 * handler still fails the test. The test code shares the extension's `vscode` API object
 * (the suite lives inside the extension folder), so the extension sees these stubs.
 */
export class UiStubs {
  readonly errors: string[] = [];
  readonly infos: string[] = [];
  quickPick: Answer<unknown> = (items, options) => (options?.canPickMany ? items : items[0]);
  inputBox: () => string | undefined = () => '';
  saveDialog: () => vscode.Uri | undefined = () => undefined;
  /** Button chosen on a warning or information message (default: dismissed). */
  messageAnswer: (message: string, buttons: string[]) => string | undefined = () => undefined;
  /** Every warning/information message with its buttons, in order. */
  readonly messages: Array<{ severity: 'info' | 'warning'; message: string; buttons: string[] }> = [];
  openDialog: () => vscode.Uri[] | undefined = () => undefined;
  private readonly saved = new Map<string, unknown>();

  install(): this {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const w = vscode.window as any;
    const replace = (name: string, fn: unknown) => {
      if (!this.saved.has(name)) this.saved.set(name, w[name]);
      w[name] = fn;
    };
    replace('showQuickPick', async (items: unknown[] | Thenable<unknown[]>, options?: vscode.QuickPickOptions) => this.quickPick(await items, options));
    replace('showInputBox', async () => this.inputBox());
    replace('showSaveDialog', async () => this.saveDialog());
    replace('showOpenDialog', async () => this.openDialog());
    replace('showErrorMessage', async (message: string) => {
      this.errors.push(message);
      return undefined;
    });
    replace('showInformationMessage', async (message: string, ...rest: unknown[]) => {
      this.infos.push(message);
      return this.answer('info', message, rest);
    });
    replace('showWarningMessage', async (message: string, ...rest: unknown[]) => {
      this.infos.push(`warning: ${message}`);
      return this.answer('warning', message, rest);
    });
    return this;
  }

  /** Buttons may follow an options object; string buttons only (as the extension uses them). */
  private answer(severity: 'info' | 'warning', message: string, rest: unknown[]): string | undefined {
    const buttons = rest.filter((r): r is string => typeof r === 'string');
    this.messages.push({ severity, message, buttons });
    const choice = this.messageAnswer(message, buttons);
    return choice !== undefined && buttons.includes(choice) ? choice : undefined;
  }

  restore(): void {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const w = vscode.window as any;
    for (const [name, fn] of this.saved) w[name] = fn;
    this.saved.clear();
  }
}
