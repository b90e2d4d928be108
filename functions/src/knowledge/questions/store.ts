import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, fromItem } from '../../platform/store/items';
import { get, put, queryAll, update, type TransactPart } from '../../platform/store/table';

/** A consultation question to an expert network, its answer, and the draft article it became. */
export interface Question {
  id: string;
  networkId: string;
  networkName: string;
  title: string;
  body: string;
  /** `network`: members of the network (and the academy); `organisation`: all staff. The asker always sees it. */
  visibility: 'network' | 'organisation';
  asker: { id: string; name: string };
  askedAt: string;
  status: 'open' | 'answered';
  answer?: { text: string; by: { id: string; name: string }; at: string };
  answeredAt?: string;
  /** The draft article made from it (knowledge capture), once. */
  articleId?: string;
  articleDraftedAt?: string;
}

export async function getQuestion(store: StoreClients, questionId: string, consistent = false): Promise<Question | undefined> {
  return fromItem<Question>(await get(store, keys.question(questionId), consistent ? { ConsistentRead: true } : {}));
}

export async function putQuestion(store: StoreClients, q: Question): Promise<void> {
  await put(store, { ...keys.question(q.id), ...keys.questionByNetwork(q.networkId, q.askedAt, q.id), ...keys.questionByAsker(q.asker.id, q.askedAt, q.id), type: 'question', ...q }, {
    ConditionExpression: 'attribute_not_exists(PK)',
  });
}

/** Records the answer once: a second answer (or one to a question that is gone) changes nothing. */
export async function answerQuestion(store: StoreClients, questionId: string, answer: NonNullable<Question['answer']>): Promise<boolean> {
  return conditional(() =>
    update(store, keys.question(questionId), {
      UpdateExpression: 'SET #status = :answered, answer = :answer, answeredAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND #status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':answered': 'answered', ':open': 'open', ':answer': answer, ':at': answer.at },
    }),
  );
}

/**
 * The part of the article's creation transaction that links the question to its new draft: only an
 * answered question that has no draft yet (so two clicks, or two lead experts at once, make one).
 */
export function linkDraftPart(questionId: string, articleId: string, at: string): TransactPart {
  return {
    Update: {
      Key: keys.question(questionId),
      UpdateExpression: 'SET articleId = :article, articleDraftedAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND #status = :answered AND attribute_not_exists(articleId)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':article': articleId, ':at': at, ':answered': 'answered' },
    },
  };
}

/** A network's questions, newest first; `from`/`to` (ISO instants) narrow them to a period (the activity view). */
export async function questionsOfNetwork(store: StoreClients, networkId: string, range?: { from: string; to: string }): Promise<Question[]> {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: range ? 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to' : 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': `NETWORK#${networkId}#QUESTIONS`, ...(range ? { ':from': range.from, ':to': `${range.to}\uffff` } : {}) },
    ScanIndexForward: false,
  });
  return items.map((i) => fromItem<Question>(i)!);
}

/** The asker's own questions, newest first. */
export async function questionsOfAsker(store: StoreClients, userId: string): Promise<Question[]> {
  const items = await queryAll(store, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': `USER#${userId}#QUESTIONS` },
    ScanIndexForward: false,
  });
  return items.map((i) => fromItem<Question>(i)!);
}
