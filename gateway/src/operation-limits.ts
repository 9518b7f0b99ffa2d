import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export interface OperationLimits {
  /** Deepest field nesting: `{ me { id } }` is 2. */
  maxDepth: number;
  /** Most aliased fields, counting a fragment once per spread. */
  maxAliases: number;
}

export interface OperationShape {
  depth: number;
  aliases: number;
}

/**
 * Introspection is bounded by graphql-js's own MaxIntrospectionDepthRule, and
 * the standard introspection query nests 15 levels: these root fields count
 * as one level, so tools keep working under a tight depth limit.
 */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** Depth and alias count of one operation, fragments expanded. */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, OperationShape>();
  const inProgress = new Set<string>();

  const fragmentShape = (name: string): OperationShape => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown or cyclic fragments are refused by validation; count nothing here.
    if (!fragment || inProgress.has(name)) return { depth: 0, aliases: 0 };
    inProgress.add(name);
    const shape = selectionShape(fragment.selectionSet);
    inProgress.delete(name);
    memo.set(name, shape);
    return shape;
  };

  const selectionShape = (set: SelectionSetNode): OperationShape => {
    let depth = 0;
    let aliases = 0;
    for (const selection of set.selections) {
      let inner: OperationShape;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        if (!selection.selectionSet) inner = { depth: 1, aliases: 0 };
        else if (INTROSPECTION_ROOTS.has(selection.name.value)) inner = { depth: 1, aliases: selectionShape(selection.selectionSet).aliases };
        else {
          const child = selectionShape(selection.selectionSet);
          inner = { depth: child.depth + 1, aliases: child.aliases };
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = selectionShape(selection.selectionSet);
      } else {
        inner = fragmentShape(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
    return { depth, aliases };
  };

  return selectionShape(operation.selectionSet);
}

/** The operation `operationName` selects, as GraphQL execution would pick it; null when there is none. */
export function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((op) => op.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0]! : null;
}

/** BAD_USER_INPUT errors for every limit the operation exceeds; empty when it is within them. */
export function operationLimitErrors(shape: OperationShape, limits: OperationLimits): GraphQLError[] {
  const errors: GraphQLError[] = [];
  if (shape.depth > limits.maxDepth) {
    errors.push(
      new GraphQLError(
        `This operation nests fields ${shape.depth} levels deep; the limit is ${limits.maxDepth}. Ask for less deeply nested data, or split it into several operations.`,
        { extensions: { code: 'BAD_USER_INPUT', limit: 'MAX_DEPTH', maximum: limits.maxDepth, actual: shape.depth } },
      ),
    );
  }
  if (shape.aliases > limits.maxAliases) {
    errors.push(
      new GraphQLError(`This operation uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}. Split it into several operations.`, {
        extensions: { code: 'BAD_USER_INPUT', limit: 'MAX_ALIASES', maximum: limits.maxAliases, actual: shape.aliases },
      }),
    );
  }
  return errors;
}

/**
 * Checks operations against the limits. Apollo Server caches parsed documents,
 * so a repeated operation is the same AST object and is measured only once.
 */
export class OperationLimiter {
  private readonly shapes = new WeakMap<OperationDefinitionNode, OperationShape>();

  constructor(private readonly limits: OperationLimits) {}

  check(document: DocumentNode, operation: OperationDefinitionNode): GraphQLError[] {
    let shape = this.shapes.get(operation);
    if (!shape) {
      shape = measureOperation(document, operation);
      this.shapes.set(operation, shape);
    }
    return operationLimitErrors(shape, this.limits);
  }
}
