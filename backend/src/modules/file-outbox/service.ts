import { appendFile, mkdir } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types";
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils";

interface FileOutboxOptions {
  /** The file each message is appended to, as one line of JSON (an absolute path). */
  file: string;
}

/** One line of the outbox: what a mail server would have been given. */
export interface OutboxMessage {
  id: string;
  sent_at: string;
  to: string;
  channel: string;
  template: string;
  subject: string | null;
  text: string | null;
  data: Record<string, unknown> | null;
}

export default class FileOutboxNotificationService extends AbstractNotificationProviderService {
  static identifier = "file-outbox";

  private readonly file: string;

  static validateOptions(options: Record<string, unknown>): void {
    if (typeof options.file !== "string" || !path.isAbsolute(options.file)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The file-outbox notification provider needs `file`, an absolute path.");
    }
  }

  constructor(_cradle: Record<string, unknown>, options: FileOutboxOptions) {
    super();
    this.file = options.file;
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const message: OutboxMessage = {
      id: `msg_${randomUUID()}`,
      sent_at: new Date().toISOString(),
      to: notification.to,
      channel: notification.channel,
      template: notification.template,
      subject: notification.content?.subject ?? null,
      text: notification.content?.text ?? null,
      data: notification.data ?? null,
    };
    await mkdir(path.dirname(this.file), { recursive: true });
    // One write per line: the server and the worker may both append, and a reader never sees half a message.
    await appendFile(this.file, `${JSON.stringify(message)}\n`, "utf8");
    return { id: message.id };
  }
}
