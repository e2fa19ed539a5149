using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignedCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecipientIdentity",
                table: "Certificates",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientSalt",
                table: "Certificates",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatusListId",
                table: "Certificates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatusListIndex",
                table: "Certificates",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KeyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PublicJwk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Allocated = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusLists", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_StatusListId_StatusListIndex",
                table: "Certificates",
                columns: new[] { "StatusListId", "StatusListIndex" },
                unique: true,
                filter: "\"StatusListIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_IsCurrent",
                table: "SigningKeys",
                column: "IsCurrent",
                unique: true,
                filter: "\"IsCurrent\"");

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_KeyId",
                table: "SigningKeys",
                column: "KeyId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Certificates_StatusLists_StatusListId",
                table: "Certificates",
                column: "StatusListId",
                principalTable: "StatusLists",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Certificates_StatusLists_StatusListId",
                table: "Certificates");

            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropTable(
                name: "StatusLists");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_StatusListId_StatusListIndex",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RecipientIdentity",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RecipientSalt",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "StatusListId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "StatusListIndex",
                table: "Certificates");
        }
    }
}
