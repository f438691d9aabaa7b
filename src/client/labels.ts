import * as vscode from 'vscode';
import type { EntityType, EventType } from '../core/types';

/** Localised display names and icons of entity and event types. */
export function entityTypeLabel(type: EntityType): string {
  switch (type) {
    case 'person': return vscode.l10n.t('Persons');
    case 'position': return vscode.l10n.t('Positions');
    case 'organization': return vscode.l10n.t('Organizations');
    case 'place': return vscode.l10n.t('Places');
    case 'date': return vscode.l10n.t('Dates');
    case 'document': return vscode.l10n.t('Documents');
    case 'policy': return vscode.l10n.t('Policy terms');
  }
}

export function eventTypeLabel(type: EventType): string {
  switch (type) {
    case 'meeting': return vscode.l10n.t('Meeting');
    case 'talks': return vscode.l10n.t('Talks');
    case 'speech': return vscode.l10n.t('Speech');
    case 'signing': return vscode.l10n.t('Signing');
    case 'launch': return vscode.l10n.t('Launch');
    case 'release': return vscode.l10n.t('Release');
    case 'inspection': return vscode.l10n.t('Inspection');
    case 'decision': return vscode.l10n.t('Decision');
    case 'join': return vscode.l10n.t('Joining');
    case 'award': return vscode.l10n.t('Award');
  }
}

const EVENT_ICONS: Record<EventType, string> = {
  meeting: 'organization',
  talks: 'comment-discussion',
  speech: 'megaphone',
  signing: 'edit',
  launch: 'rocket',
  release: 'output',
  inspection: 'eye',
  decision: 'law',
  join: 'person-add',
  award: 'star-full',
};

const ENTITY_ICONS: Record<EntityType, string> = {
  person: 'person',
  position: 'briefcase',
  organization: 'organization',
  place: 'location',
  date: 'calendar',
  document: 'book',
  policy: 'lightbulb',
};

export function eventIcon(type: EventType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(EVENT_ICONS[type]);
}

export function entityIcon(type: EntityType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(ENTITY_ICONS[type], new vscode.ThemeColor(`policyAnnotator.${type}Foreground`));
}

/** Last path segment of a URI, for labels. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
