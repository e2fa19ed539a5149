using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientSalt",
                table: "Certificates",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatusListId",
                table: "Certificates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatusListIndex",
                table: "Certificates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublicJwk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Allocated = table.Column<int>(type: "INTEGER", nullable: false)
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
