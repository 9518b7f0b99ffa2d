/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      phone\n      organizations {\n        role\n        network\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      createdAt\n      myRole\n    }\n  }\n": typeof types.OrganizationSettingsDocument,
    "\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RenameOrganizationDocument,
    "\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input) {\n      expiresInSeconds\n      retryAfterSeconds\n    }\n  }\n": typeof types.RequestSignInCodeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresInSeconds\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.SignInDocument,
};
const documents: Documents = {
    "\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      phone\n      organizations {\n        role\n        network\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      createdAt\n      myRole\n    }\n  }\n": types.OrganizationSettingsDocument,
    "\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.RenameOrganizationDocument,
    "\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input) {\n      expiresInSeconds\n      retryAfterSeconds\n    }\n  }\n": types.RequestSignInCodeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresInSeconds\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": types.SignInDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      displayName\n      phone\n      organizations {\n        role\n        network\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      displayName\n      phone\n      organizations {\n        role\n        network\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      createdAt\n      myRole\n    }\n  }\n"): (typeof documents)["\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      createdAt\n      myRole\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input) {\n      expiresInSeconds\n      retryAfterSeconds\n    }\n  }\n"): (typeof documents)["\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input) {\n      expiresInSeconds\n      retryAfterSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresInSeconds\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresInSeconds\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;